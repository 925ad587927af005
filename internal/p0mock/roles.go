package p0mock

import (
	"maps"
	"net/http"
	"slices"
)

// The role bindings of P0's own settings (settings/roles/{role}/bindings/
// {users|groups}/{member}): who administers P0. P0 offers no read of them;
// the mock starts every organization with one owner, SeedOwner, and
// refuses to remove the last owner, as P0 does.

// SeedOwner is the owner every organization starts with.
const SeedOwner = "founder@example.com"

// roleSlugs are the roles P0 binds.
var roleSlugs = []string{"owner", "manager", "iamOwner", "iamViewer"}

// roleState is the members of each role, by kind (users, groups).
type roleState map[string]map[string]map[string]bool

func newRoleState() roleState {
	roles := roleState{}
	for _, role := range roleSlugs {
		roles[role] = map[string]map[string]bool{"users": {}, "groups": {}}
	}
	roles["owner"]["users"][SeedOwner] = true
	return roles
}

// binding is the role, kind and member a request names, or why it names
// none.
func (r roleState) binding(req *apiRequest) (role, kind, member string, err error) {
	role, kind, member = req.PathValue("role"), req.PathValue("kind"), req.PathValue("member")
	if _, ok := r[role]; !ok {
		return "", "", "", notFound("unknown role %q; expected one of %v", role, roleSlugs)
	}
	if kind != "users" && kind != "groups" {
		return "", "", "", notFound("unknown kind of member %q; expected users or groups", kind)
	}
	return role, kind, member, nil
}

func (s *Server) putRoleBinding(req *apiRequest) (reply, error) {
	role, kind, member, err := s.state.roles.binding(req)
	if err != nil {
		return reply{}, err
	}
	s.state.roles[role][kind][member] = true
	return respondNoContent()
}

func (s *Server) deleteRoleBinding(req *apiRequest) (reply, error) {
	role, kind, member, err := s.state.roles.binding(req)
	if err != nil {
		return reply{}, err
	}
	members := s.state.roles[role][kind]
	if !members[member] {
		return reply{}, notFound("%s is not bound to the %s role", member, role)
	}
	if role == "owner" && len(s.state.roles["owner"]["users"])+len(s.state.roles["owner"]["groups"]) == 1 {
		return reply{}, newAPIError(http.StatusUnprocessableEntity, "Cannot remove the last owner")
	}
	delete(members, member)
	return respondNoContent()
}

// RoleMembers lists the members of role of kind (users, groups), sorted.
func (s *Server) RoleMembers(role, kind string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(maps.Keys(s.state.roles[role][kind]))
}

// SetRoleMembers replaces the members of role of kind.
func (s *Server) SetRoleMembers(role, kind string, members ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := map[string]bool{}
	for _, m := range members {
		set[m] = true
	}
	s.state.roles[role][kind] = set
}
