package p0mock

import (
	"maps"
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

// cloneAWSItem copies item, its login and the fields P0 holds beyond the
// documents' at each depth (whose JSON values are never changed in place).
func cloneAWSItem(item p0.AWSItem) p0.AWSItem {
	item.Unmanaged = maps.Clone(item.Unmanaged)
	if item.Login != nil {
		login := *item.Login
		login.Unmanaged = maps.Clone(login.Unmanaged)
		if login.Identity != nil {
			identity := *login.Identity
			identity.Unmanaged = maps.Clone(identity.Unmanaged)
			login.Identity = &identity
		}
		item.Login = &login
	}
	return item
}

func cloneCommand(command p0.CommandRequest) p0.CommandRequest {
	command.Argv = slices.Clone(command.Argv)
	return command
}
