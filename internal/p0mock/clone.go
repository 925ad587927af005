package p0mock

import (
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Deep copies of the wire types. State handed in or out must never share
// maps, slices or pointers with the caller: a test changing what it got
// back would otherwise change the server behind its lock.

// clonePointer copies the value p points to; T must hold no references.
func clonePointer[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

func cloneCommand(command p0.CommandRequest) p0.CommandRequest {
	command.Argv = slices.Clone(command.Argv)
	return command
}
