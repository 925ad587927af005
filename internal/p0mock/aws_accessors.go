package p0mock

import (
	"fmt"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests to the AWS integration: to check what the client did, and to
// change things behind its back (drift). Everything is copied in and out.
// Setters do not validate, so that tests can create any state, even one the
// API would refuse.

// AWSRootExists reports whether the AWS integration root has been created.
func (s *Server) AWSRootExists() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.aws.installed
}

// AWSIntegration returns every component's items, base included, with a
// key for every component.
func (s *Server) AWSIntegration() p0.AWSIntegration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.aws.integration()
}

func (s *Server) AWSItem(component, id string) (p0.AWSItem, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	record, err := s.state.aws.lookup(component, id)
	return cloneAWSItem(record.item), err == nil
}

// SetAWSItem creates or replaces an item, creating the integration root if
// needed. A new item gets the metadata staging would have generated. It
// panics for an unknown component, a mistake in the test itself.
func (s *Server) SetAWSItem(component, id string, item p0.AWSItem) {
	mustBeAWSComponent(component)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.putAWSItem(component, id, item)
}

// DeleteAWSItem removes an item and reports whether it existed.
func (s *Server) DeleteAWSItem(component, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.aws.remove(component, id) == nil
}

// FailVerification makes verifying any item with this id answer 400 with
// message, until ClearVerificationFailure: a staged item stays in stage,
// and an installed one keeps its configuration, since P0 verifies it again
// before a configure.
func (s *Server) FailVerification(id, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.aws.verificationFailures[id] = message
}

func (s *Server) ClearVerificationFailure(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.state.aws.verificationFailures, id)
}

func mustBeAWSComponent(component string) {
	if !isAWSComponent(component) {
		panic(fmt.Sprintf("p0mock: unknown AWS component %q", component))
	}
}
