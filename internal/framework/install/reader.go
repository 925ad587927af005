package install

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Fields reads the fields of an object P0 answered (an item, its
// metadata, or an object in them) into Terraform values. A field P0 leaves
// out or sends as null reads as null. One odd value breaks nothing: a
// number or a boolean spelled as a string reads as the value it spells,
// and a value that cannot be read as its attribute's type reads as null
// and is named in Unreadable, for a warning; a write sends it back as P0
// holds it (see Body.Keep).
type Fields struct {
	object p0.Object
	at     string
	found  *[]p0.UnreadableField
}

// Read is the fields of o, at path at ("item.", "metadata.").
func Read(o p0.Object, at string) Fields {
	return Fields{object: o, at: at, found: &[]p0.UnreadableField{}}
}

// Unreadable lists the values read so far, from these fields and every
// object in them, that could not be read as their attribute's type.
func (f Fields) Unreadable() []p0.UnreadableField { return *f.found }

// Has reports whether P0 sent the field, and not as null.
func (f Fields) Has(name string) bool { return !isNull(f.object[name]) }

// Raw is the field's JSON as P0 sent it, or nil.
func (f Fields) Raw(name string) json.RawMessage { return f.object[name] }

// String reads a string.
func (f Fields) String(name string) types.String {
	var s string
	if !f.read(name, &s, "a string") {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// Text reads a string, or the decimal text of a number, for a field P0's
// client sends as a string that P0 may hold as a number (a port).
func (f Fields) Text(name string) types.String {
	var n json.Number
	if !f.Has(name) || json.Unmarshal(f.object[name], &n) != nil {
		return f.String(name)
	}
	return types.StringValue(n.String())
}

// StringOr reads a string, or fallback where P0 sends none, as P0's client
// does for a field whose absence means a default.
func (f Fields) StringOr(name, fallback string) types.String {
	if !f.Has(name) {
		return types.StringValue(fallback)
	}
	return f.String(name)
}

// Bool reads a boolean; "true" and "false" read as what they spell.
func (f Fields) Bool(name string) types.Bool {
	var b bool
	if f.read(name, &b, "true or false") {
		return types.BoolValue(b)
	}
	if spelled, ok := f.spelled(name); ok {
		if lower := strings.ToLower(spelled); lower == "true" || lower == "false" {
			f.forgive(name)
			return types.BoolValue(lower == "true")
		}
	}
	return types.BoolNull()
}

// BoolOr reads a boolean, or fallback where P0 sends none.
func (f Fields) BoolOr(name string, fallback bool) types.Bool {
	if !f.Has(name) {
		return types.BoolValue(fallback)
	}
	return f.Bool(name)
}

// Int64 reads a whole number; a string that spells one reads as it.
func (f Fields) Int64(name string) types.Int64 {
	var n int64
	if f.read(name, &n, "a whole number") {
		return types.Int64Value(n)
	}
	if spelled, ok := f.spelled(name); ok {
		if parsed, err := strconv.ParseInt(strings.TrimSpace(spelled), 10, 64); err == nil {
			f.forgive(name)
			return types.Int64Value(parsed)
		}
	}
	return types.Int64Null()
}

// Strings reads a list of strings.
func (f Fields) Strings(name string) types.List {
	var values []string
	if !f.read(name, &values, "a list of strings") {
		return types.ListNull(types.StringType)
	}
	elements := make([]attr.Value, len(values))
	for i, v := range values {
		elements[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elements)
}

// Object is the fields of a nested object; one P0 leaves out has none.
func (f Fields) Object(name string) Fields {
	var o p0.Object
	if !f.read(name, &o, "an object") {
		o = nil
	}
	return Fields{object: o, at: f.at + name + ".", found: f.found}
}

// JSONString is the fields of an object P0 sends as a string that holds
// JSON (an Okta listing's public key).
func (f Fields) JSONString(name string) Fields {
	var o p0.Object
	if text := f.String(name); !text.IsNull() && json.Unmarshal([]byte(text.ValueString()), &o) != nil {
		*f.found = append(*f.found, p0.UnreadableField{Path: f.at + name, Value: f.object[name], Want: "a string of a JSON object"})
		o = nil
	}
	return Fields{object: o, at: f.at + name + ".", found: f.found}
}

// Present reports whether the object these fields come from was sent.
func (f Fields) Present() bool { return f.object != nil }

// read decodes the field into v; it reports false for a field left out,
// null, or of another type, which it records (want: the type in words).
func (f Fields) read(name string, v any, want string) bool {
	raw := f.object[name]
	if isNull(raw) {
		return false
	}
	if json.Unmarshal(raw, v) != nil {
		*f.found = append(*f.found, p0.UnreadableField{Path: f.at + name, Value: raw, Want: want})
		return false
	}
	return true
}

// spelled is the field as a string, when it is one.
func (f Fields) spelled(name string) (string, bool) {
	var s string
	return s, json.Unmarshal(f.object[name], &s) == nil
}

// forgive takes back the record of a field that read after all.
func (f Fields) forgive(name string) {
	found := *f.found
	if n := len(found); n > 0 && found[n-1].Path == f.at+name {
		*f.found = found[:n-1]
	}
}

// NonEmpty reads a string, and an empty one as null: for the fields P0
// holds as "" where there is nothing to say.
func (f Fields) NonEmpty(name string) types.String {
	if s := f.String(name); s.ValueString() != "" {
		return s
	}
	return types.StringNull()
}

// DisplayName names an item in query results: its label, if it has one,
// and its id.
func DisplayName(item p0.Object, id string) string {
	label := Read(item, "item.").NonEmpty("label")
	if label.IsNull() {
		return id
	}
	return label.ValueString() + " (" + id + ")"
}
