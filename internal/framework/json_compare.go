package framework

import (
	"bytes"
	"encoding/json"
)

// SameJSON reports whether two API objects encode to the same JSON, which
// is how P0 sees them: fields omitted when empty and map keys sorted.
func SameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
