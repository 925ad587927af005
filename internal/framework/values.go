package framework

import "github.com/hashicorp/terraform-plugin-framework/types"

// OptionalString maps an API string that is omitted when empty to a null
// value, matching an attribute left out of the configuration.
func OptionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// StringsFromValues converts a list attribute to the API's slice; a null
// list becomes nil so that the field is omitted.
func StringsFromValues(values []types.String) []string {
	if values == nil {
		return nil
	}
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, v.ValueString())
	}
	return out
}

// ValuesFromStrings is the reverse of stringsFromValues: an empty API list
// is a null attribute.
func ValuesFromStrings(values []string) []types.String {
	if len(values) == 0 {
		return nil
	}
	out := make([]types.String, 0, len(values))
	for _, s := range values {
		out = append(out, types.StringValue(s))
	}
	return out
}

// ValueOrZero is what p points to, or T's zero value for nil.
func ValueOrZero[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
