package p0mock

import (
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests to the Command API: to check what the client did, and to
// change things behind its back (drift). Everything is copied in and out.
// Setters do not validate, so that tests can create any state, even one the
// API would refuse.

// Commands returns every command submitted, in order.
func (s *Server) Commands() []p0.CommandRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	commands := make([]p0.CommandRequest, len(s.state.commands.submitted))
	for i, command := range s.state.commands.submitted {
		commands[i] = cloneCommand(command)
	}
	return commands
}

// AccessRequestIDs lists the ids of the access requests submitted, in order.
func (s *Server) AccessRequestIDs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.state.commands.order)
}

// AccessRequestStatus is where the request stands, and P0's reason.
func (s *Server) AccessRequestStatus(id string) (status, message string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	request, ok := s.state.commands.requests[id]
	if !ok {
		return "", "", false
	}
	return request.status, request.message, true
}

// DecideAccessRequest gives the request status (APPROVED, DENIED, EXPIRED,
// ...), with message as P0's reason, as a person or P0 would; a stream
// waiting on it says so at once. It reports whether the request exists.
func (s *Server) DecideAccessRequest(id, status, message string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	request, ok := s.state.commands.requests[id]
	if !ok {
		return false
	}
	request.decide(status, message)
	return true
}
