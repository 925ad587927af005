package p0

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// P0 holds more than its documents list, and names some of it two ways.
// The API objects that carry such fields (a routing rule at every depth,
// an AWS item) are read and written through the tables in this file:
// each object type lists the fields this client models, under both
// spellings, and whatever else P0 sends is kept, unchanged, as Unmanaged,
// to be sent back with the next write of the object.

// Spelling is how a write names the fields whose names have two
// spellings: the documents' snake_case (profile_property) or the
// camelCase (profileProperty) that P0's own client sends.
type Spelling int32

const (
	SnakeCase Spelling = iota
	CamelCase
)

func (s Spelling) String() string {
	if s == CamelCase {
		return "camelCase"
	}
	return "snake_case"
}

// key is a field's name in both spellings; a one-word name is the same in
// both.
type key struct{ snake, camel string }

// word is the key of a one-word field.
func word(name string) key { return key{name, name} }

// in is the key's name in spelling s.
func (k key) in(s Spelling) string {
	if s == CamelCase {
		return k.camel
	}
	return k.snake
}

// names are the key's spellings, the documents' first.
func (k key) names() []string {
	if k.snake == k.camel {
		return []string{k.snake}
	}
	return []string{k.snake, k.camel}
}

// spelt reports whether the key's name depends on the spelling.
func (k key) spelt() bool { return k.snake != k.camel }

// Unmanaged is what P0 sent in an object that this client does not model:
// each field's name and its JSON value, byte for byte as P0 sent it.
type Unmanaged map[string]json.RawMessage

// field is one field of an object that this client models: its key and a
// pointer to the Go value that holds it. A field left empty is not sent,
// unless always is set. A strict field is the object's structure (a
// rule's requestor, its approval steps): a value that cannot be read as
// its type makes the whole answer unreadable, where another field's is
// kept as P0 sent it (see decodeObject).
type field struct {
	key    key
	value  any
	always bool
	strict bool
}

// get is the Go value that holds the field.
func (f field) get() reflect.Value { return reflect.ValueOf(f.value).Elem() }

// wireObject is an API object read and written through its field table.
// fields returns pointers into the object; unmanaged is what else P0 sent.
type wireObject interface {
	fields() []field
	unmanaged() *Unmanaged
}

// decodeObject reads data, a JSON object or null, into o: each field
// under either spelling (when P0 sends both, the camelCase one, which P0's
// own client writes, wins), and every other field into o's Unmanaged.
//
// One odd value breaks nothing: a number or boolean P0 sends as a string
// is read as the value it spells ("60", "true"), and a value that cannot
// be read as its field's type is kept in Unmanaged under its own name, as
// P0 sent it, the field left empty: a write sends it back unchanged
// (encodeObject), and UnreadableFields names it. Only a strict field that
// cannot be read is an error.
func decodeObject(data []byte, o wireObject) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return err
	}
	for _, f := range o.fields() {
		for _, name := range f.key.names() {
			value, ok := raw[name]
			if !ok {
				continue
			}
			if err := decodeField(value, f); err != nil {
				if f.strict {
					return fmt.Errorf("field %q: %w", name, err)
				}
				continue // kept in Unmanaged, as P0 sent it
			}
			delete(raw, name)
		}
	}
	*o.unmanaged() = nil
	if len(raw) > 0 {
		*o.unmanaged() = raw
	}
	return nil
}

// decodeField reads value into f, or a string that spells a number or a
// boolean into a field of that type; when value cannot be read as f's
// type, it leaves f empty and says why.
func decodeField(value json.RawMessage, f field) error {
	err := json.Unmarshal(value, f.value)
	if err == nil {
		return nil
	}
	f.get().SetZero()
	var spelled string
	if json.Unmarshal(value, &spelled) != nil {
		return err
	}
	target := f.get()
	for target.Kind() == reflect.Pointer {
		target.Set(reflect.New(target.Type().Elem()))
		target = target.Elem()
	}
	text := strings.TrimSpace(spelled)
	switch target.Kind() {
	case reflect.Bool:
		if lower := strings.ToLower(text); lower == "true" || lower == "false" {
			target.SetBool(lower == "true")
			return nil
		}
	case reflect.Int64:
		if n, parseErr := strconv.ParseInt(text, 10, 64); parseErr == nil {
			target.SetInt(n)
			return nil
		}
	}
	f.get().SetZero()
	return err
}

// encodeObject is o as a JSON value in spelling s: its Unmanaged fields as
// P0 sent them, then every field it models that is set. A modeled field is
// never sent twice, whatever Unmanaged holds under either of its names:
// what this client models is what the caller says, nothing else; but a
// field left empty leaves what Unmanaged holds under its name, a value
// P0 holds that could not be read as the field's type (see decodeObject),
// to be sent back as P0 holds it.
func encodeObject(s Spelling, o wireObject) (map[string]any, error) {
	unmanaged := *o.unmanaged()
	fields := o.fields()
	out := make(map[string]any, len(unmanaged)+len(fields))
	for name, value := range unmanaged {
		out[name] = value
	}
	for _, f := range fields {
		value := f.get()
		if isEmpty(value) && unmanaged.holdsUnreadable(f) {
			continue
		}
		for _, name := range f.key.names() {
			delete(out, name)
		}
		if !f.always && isEmpty(value) {
			continue
		}
		encoded, err := encodeValue(s, value)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", f.key.in(s), err)
		}
		out[f.key.in(s)] = encoded
	}
	return out, nil
}

// marshalObject is encodeObject as JSON bytes, for MarshalJSON.
func marshalObject(s Spelling, o wireObject) ([]byte, error) {
	encoded, err := encodeObject(s, o)
	if err != nil {
		return nil, err
	}
	return json.Marshal(encoded)
}

// spelled is an object as a write sends it: in spelling s.
type spelled struct {
	s      Spelling
	object wireObject
}

func (w spelled) MarshalJSON() ([]byte, error) { return marshalObject(w.s, w.object) }

// encodeValue is v as a JSON value in spelling s, so that objects nested
// in v are written in the same spelling as the object that holds them.
func encodeValue(s Spelling, v reflect.Value) (any, error) {
	if object, ok := asWireObject(v); ok {
		return encodeObject(s, object)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil, nil
		}
		return encodeValue(s, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return nil, nil
		}
		out := make([]any, v.Len())
		for i := range out {
			item, err := encodeValue(s, v.Index(i))
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = item
		}
		return out, nil
	case reflect.Map:
		if v.IsNil() {
			return nil, nil
		}
		out := make(map[string]any, v.Len())
		for iter := v.MapRange(); iter.Next(); {
			item, err := encodeValue(s, iter.Value())
			if err != nil {
				return nil, fmt.Errorf("[%q]: %w", iter.Key().String(), err)
			}
			out[iter.Key().String()] = item
		}
		return out, nil
	}
	return v.Interface(), nil
}

// asWireObject is v as a wireObject, through a pointer to it (copied when
// v cannot be addressed), when its type has a field table.
func asWireObject(v reflect.Value) (wireObject, bool) {
	if v.Kind() != reflect.Struct {
		return nil, false
	}
	if !v.CanAddr() {
		copied := reflect.New(v.Type())
		copied.Elem().Set(v)
		v = copied.Elem()
	}
	object, ok := v.Addr().Interface().(wireObject)
	return object, ok
}

// isEmpty reports whether a field holds nothing to send: its zero value,
// or an empty list or map.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}

// unmanagedFields lists the paths, each prefixed by at, of every field
// that o and the objects in it hold and the client does not model, in the
// order of o's field table (map keys sorted).
func unmanagedFields(at string, o wireObject) []string {
	paths := (*o.unmanaged()).names(at)
	for _, f := range o.fields() {
		paths = append(paths, inObjects(at+f.key.snake, f.get(), func(at string, inner wireObject) []string {
			return unmanagedFields(at+".", inner)
		})...)
	}
	return paths
}

// inObjects calls visit for each object with a field table in v, the value
// at path at, however deep in pointers, lists and maps (map keys sorted),
// and joins what it returns (the paths of fields, say).
func inObjects[T any](at string, v reflect.Value, visit func(at string, o wireObject) []T) []T {
	if object, ok := asWireObject(v); ok {
		return visit(at, object)
	}
	var paths []T
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			paths = inObjects(at, v.Elem(), visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			paths = append(paths, inObjects(fmt.Sprintf("%s[%d]", at, i), v.Index(i), visit)...)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			paths = append(paths, inObjects(fmt.Sprintf("%s[%q]", at, k.String()), v.MapIndex(k), visit)...)
		}
	}
	return paths
}

// UnreadableField is a value P0 holds that could not be read as its
// field's type: its path, the JSON P0 sent, and the type the field takes.
type UnreadableField struct {
	Path  string
	Value json.RawMessage
	Want  string
}

// unreadableFields lists, in the order of o's field table, the values o
// and the objects in it hold under the name of a field they model, which
// could not be read as that field's type (see decodeObject).
func unreadableFields(at string, o wireObject) []UnreadableField {
	var found []UnreadableField
	unmanaged := *o.unmanaged()
	for _, f := range o.fields() {
		for _, name := range f.key.names() {
			if value, ok := unmanaged[name]; ok && unmanaged.holdsUnreadable(field{key: word(name), value: f.value}) {
				found = append(found, UnreadableField{Path: at + name, Value: value, Want: typeInWords(f.get().Type())})
			}
		}
		found = append(found, inObjects(at+f.key.snake, f.get(), func(at string, inner wireObject) []UnreadableField {
			return unreadableFields(at+".", inner)
		})...)
	}
	return found
}

// typeInWords names a field's type for a message.
func typeInWords(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int64:
		return "a whole number"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(typeInWords(t.Elem()), "a "), "an ") + "s"
	}
	return "an object"
}

// holdsUnreadable reports whether u holds, under a name of f, a value that
// cannot be read as f's type: one that decodeObject kept. A value that
// can be read is not P0's (decodeObject would have read it), and goes.
func (u Unmanaged) holdsUnreadable(f field) bool {
	for _, name := range f.key.names() {
		value, ok := u[name]
		if ok && decodeField(value, field{value: reflect.New(f.get().Type()).Interface()}) != nil {
			return true
		}
	}
	return false
}

// names lists the unmanaged fields' names, sorted, each prefixed by at.
func (u Unmanaged) names(at string) []string {
	names := make([]string, 0, len(u))
	for name := range u {
		names = append(names, at+name)
	}
	sort.Strings(names)
	return names
}
