package p0

import (
	"context"
	"net/http"
	"strings"
)

// RoleBinding binds a P0 role to a user (by email) or a group: the role's
// members, who administer P0 itself.
type RoleBinding struct {
	// Role is P0's slug of the role: owner, manager, iamOwner, iamViewer.
	Role string
	// Kind is users or groups.
	Kind string
	// Member is the user's email or the group's name.
	Member string
}

// Kinds of members of a role.
const (
	RoleMemberUsers  = "users"
	RoleMemberGroups = "groups"
)

// path is the binding's route. P0 matches emails without regard to case;
// they are sent in lower case, as P0's own client sends them.
func (c *Client) rolePath(b RoleBinding) string {
	member := b.Member
	if b.Kind == RoleMemberUsers {
		member = strings.ToLower(member)
	}
	return c.orgPath("settings", "roles", b.Role, "bindings", b.Kind, member)
}

// PutRoleBinding binds the role to the member; binding it again changes
// nothing. The request has no body, as P0's own client sends it.
func (c *Client) PutRoleBinding(ctx context.Context, b RoleBinding) error {
	return c.do(ctx, http.MethodPut, c.rolePath(b), nil, &okResponse{})
}

// DeleteRoleBinding unbinds the role from the member. P0 refuses some
// (the organization's last owner), with its reason.
func (c *Client) DeleteRoleBinding(ctx context.Context, b RoleBinding) error {
	return c.do(ctx, http.MethodDelete, c.rolePath(b), nil, &okResponse{})
}
