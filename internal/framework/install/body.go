package install

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Body is the JSON object an install step sends, built field by field
// from a resource's model. Every field the body names is one the resource
// manages, set or not; a write sends back, beside them, what P0 holds in
// the item that the resource does not manage (see Keep), so that nothing
// P0 holds is erased.
type Body struct {
	fields map[string]any
	// owned are the fields the resource manages, whether the body sends
	// them or not, with the JSON kind a value of P0's must have to be
	// theirs (see Keep).
	owned map[string]kind
	// left are the fields the resource manages that the configuration
	// leaves out (null, sent as Omit): where P0 holds one, a write sends
	// null in its place (see Keep).
	left map[string]bool
}

// kind is the JSON kind of a field's value: a string, a number, a boolean,
// an object or a list; "" for any.
type kind string

const (
	kindAny    kind = ""
	kindString kind = "string"
	kindNumber kind = "number"
	kindBool   kind = "boolean"
	kindObject kind = "object"
	kindList   kind = "list"
)

// Unset is how a body sends a field whose value the configuration leaves
// out (null), as P0's client sends it: left out, null, or "".
type Unset int

const (
	Omit Unset = iota
	Null
	Empty
)

// NewBody is an empty body. The item's state is P0's to say: a body never
// sends back the one P0 holds, whether it sends a state of its own or not.
func NewBody() *Body {
	return &Body{fields: map[string]any{}, owned: map[string]kind{"state": kindAny}, left: map[string]bool{}}
}

// Set sends value as field name, always, whatever it is: a constant such
// as the "state" P0's client sends.
func (b *Body) Set(name string, value any) *Body {
	b.fields[name], b.owned[name] = value, kindAny
	return b
}

// String sends v as field name; unset says how a null v is sent. An
// unknown v (an optional attribute left to P0) is not sent, and what P0
// holds under the name is kept.
func (b *Body) String(name string, v types.String, unset Unset) *Body {
	return b.scalar(name, v, kindString, unset, func() any { return v.ValueString() })
}

// Bool is String for a boolean.
func (b *Body) Bool(name string, v types.Bool, unset Unset) *Body {
	return b.scalar(name, v, kindBool, unset, func() any { return v.ValueBool() })
}

// Int64 is String for a whole number.
func (b *Body) Int64(name string, v types.Int64, unset Unset) *Body {
	return b.scalar(name, v, kindNumber, unset, func() any { return v.ValueInt64() })
}

// Strings is String for a list of strings.
func (b *Body) Strings(name string, v types.List, unset Unset) *Body {
	return b.scalar(name, v, kindList, unset, func() any {
		out := make([]string, 0, len(v.Elements()))
		for _, e := range v.Elements() {
			if s, ok := e.(types.String); ok {
				out = append(out, s.ValueString())
			}
		}
		return out
	})
}

// scalar sends v, or what unset says for a null one.
func (b *Body) scalar(name string, v attr.Value, k kind, unset Unset, value func() any) *Body {
	if v.IsUnknown() {
		return b
	}
	b.owned[name] = k
	switch {
	case !v.IsNull():
		b.fields[name] = value()
	case unset == Null:
		b.fields[name] = nil
	case unset == Empty:
		b.fields[name] = ""
	default:
		b.left[name] = true
	}
	return b
}

// Object sends a nested object that build fills, always.
func (b *Body) Object(name string, build func(*Body)) *Body {
	nested := NewBody()
	build(nested)
	b.fields[name], b.owned[name] = nested, kindObject
	return b
}

// OptionalObject sends a nested object that build fills when present,
// and what unset says otherwise.
func (b *Body) OptionalObject(name string, present bool, unset Unset, build func(*Body)) *Body {
	if present {
		return b.Object(name, build)
	}
	b.owned[name] = kindObject
	if unset == Null {
		b.fields[name] = nil
	} else {
		b.left[name] = true
	}
	return b
}

// Fallback sends value as field name where P0 holds nothing under it: a
// field P0's client sends with a constant (a label of ""), which the
// resource does not manage, so that what P0 holds under it is sent back
// instead (see Keep).
func (b *Body) Fallback(name string, value any) *Body {
	b.fields[name] = value
	return b
}

// Owns names fields the resource manages without sending them (values P0
// generates, which the resource reads), so that a write does not send
// back what P0 holds under them.
func (b *Body) Owns(names ...string) *Body {
	for _, name := range names {
		if _, ok := b.owned[name]; !ok {
			b.owned[name] = kindAny
		}
	}
	return b
}

// Wrapped is the body inside an object under name, as some of P0's client's
// bodies are ({"item": {...}}).
func (b *Body) Wrapped(name string) *Body {
	return NewBody().Object(name, func(outer *Body) { outer.fields, outer.owned = b.fields, b.owned })
}

// Field is the value the body sends as name: a *Body for an object, nil for
// null, and false when it does not send name.
func (b *Body) Field(name string) (any, bool) {
	v, ok := b.fields[name]
	return v, ok
}

func (b *Body) MarshalJSON() ([]byte, error) {
	return json.Marshal(b.fields)
}

// Keep returns the body with what P0 holds in held (the item as P0 last
// answered it) and the body does not manage, at every depth: the fields a
// write sends back so that it erases nothing. A value P0 holds under a
// managed name but of another kind than the body's (a number where a
// string belongs: one the resource could not read) is kept too, where the
// body does not send one of its own. A field the body manages and the
// configuration leaves out is sent as null where P0 holds one, so that a
// P0 that merges what it is sent into what it holds clears it, as a P0
// that replaces the item does. A nested object whose type changes (its
// "type" field) keeps nothing of what it held, and clears it: those fields
// belonged to its old kind. It says which fields it kept and which it
// left out.
func (b *Body) Keep(held p0.Object) (*Body, p0.KeptFields) {
	var kept p0.KeptFields
	return b.keep("", held, &kept), kept
}

func (b *Body) keep(at string, held p0.Object, kept *p0.KeptFields) *Body {
	out := &Body{fields: maps.Clone(b.fields), owned: b.owned, left: b.left}
	names := slices.Sorted(maps.Keys(held))
	// The object's own fields first, then those of the objects in it.
	for _, name := range names {
		value := held[name]
		k, owned := b.owned[name]
		sent, sends := b.fields[name]
		switch {
		case !owned:
			out.fields[name] = value
			kept.Kept = append(kept.Kept, at+name)
		case (!sends || sent == nil) && !isNull(value) && !ofKind(value, k):
			out.fields[name] = value // unreadable, and not set: sent back as P0 holds it
			kept.Kept = append(kept.Kept, at+name)
		case b.left[name] && !sends && !isNull(value):
			out.fields[name] = nil // left out of the configuration: cleared, on a P0 that merges what it is sent
		}
	}
	for _, name := range names {
		nested, isObject := b.fields[name].(*Body)
		var heldObject p0.Object
		if !isObject || json.Unmarshal(held[name], &heldObject) != nil || heldObject == nil {
			continue
		}
		if typeChanges(nested, heldObject) {
			kept.Dropped = append(kept.Dropped, unmanagedPaths(at+name+".", nested, heldObject)...)
			out.fields[name] = nested.clearing(heldObject)
			continue
		}
		out.fields[name] = nested.keep(at+name+".", heldObject, kept)
	}
	return out
}

// clearing is the body with null for every field held holds that it does
// not send: the fields of an object's old kind, which a P0 that merges
// what it is sent would otherwise keep.
func (b *Body) clearing(held p0.Object) *Body {
	out := &Body{fields: maps.Clone(b.fields), owned: b.owned, left: b.left}
	for name, value := range held {
		if _, sends := b.fields[name]; !sends && !isNull(value) {
			out.fields[name] = nil
		}
	}
	return out
}

// typeChanges reports whether a nested object's type, which the body
// sends, differs from the one P0 holds.
func typeChanges(nested *Body, held p0.Object) bool {
	sent, ok := nested.fields["type"].(string)
	if !ok {
		return false
	}
	var was string
	return json.Unmarshal(held["type"], &was) == nil && was != "" && was != sent
}

// unmanagedPaths lists, prefixed by at, what held holds that nested does
// not manage, at every depth.
func unmanagedPaths(at string, nested *Body, held p0.Object) []string {
	var paths []string
	names := slices.Sorted(maps.Keys(held))
	for _, name := range names {
		if _, owned := nested.owned[name]; !owned {
			paths = append(paths, at+name)
		}
	}
	for _, name := range names {
		inner, ok := nested.fields[name].(*Body)
		var heldObject p0.Object
		if ok && json.Unmarshal(held[name], &heldObject) == nil {
			paths = append(paths, unmanagedPaths(at+name+".", inner, heldObject)...)
		}
	}
	return paths
}

// UnmanagedPaths lists what P0 holds in held that the body does not
// manage, at every depth: what a write would keep, or a replacement lose.
func (b *Body) UnmanagedPaths(held p0.Object) []string {
	return unmanagedPaths("", b, held)
}

// isNull reports whether a JSON value is null.
func isNull(value json.RawMessage) bool {
	return len(value) == 0 || string(value) == "null"
}

// ofKind reports whether a JSON value is of kind k.
func ofKind(value json.RawMessage, k kind) bool {
	if k == kindAny {
		return true
	}
	var v any
	if json.Unmarshal(value, &v) != nil {
		return false
	}
	switch v.(type) {
	case string:
		return k == kindString
	case float64:
		return k == kindNumber
	case bool:
		return k == kindBool
	case map[string]any:
		return k == kindObject
	case []any:
		return k == kindList
	}
	return false
}
