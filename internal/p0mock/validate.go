package p0mock

import (
	"slices"
	"strings"
)

// oneOf checks that field's value is one of allowed, naming the field and
// the choices otherwise, e.g.
// `requestor.type must be one of any, group, user; got "admin"`.
func oneOf(field, value string, allowed []string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return badRequest("%s must be one of %s; got %q", field, strings.Join(allowed, ", "), value)
}
