package provider

import "github.com/hashicorp/terraform-plugin-framework/types"

// optionalString maps an API string that is omitted when empty to a null
// value, matching an attribute left out of the configuration.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// stringsFromValues converts a list attribute to the API's slice; a null
// list becomes nil so that the field is omitted.
func stringsFromValues(values []types.String) []string {
	if values == nil {
		return nil
	}
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, v.ValueString())
	}
	return out
}

// valuesFromStrings is the reverse of stringsFromValues: an empty API list
// is a null attribute.
func valuesFromStrings(values []string) []types.String {
	if len(values) == 0 {
		return nil
	}
	out := make([]types.String, 0, len(values))
	for _, s := range values {
		out = append(out, types.StringValue(s))
	}
	return out
}

// valueOrZero is what p points to, or T's zero value for nil.
func valueOrZero[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
