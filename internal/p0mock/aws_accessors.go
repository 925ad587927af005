package p0mock

import (
	"fmt"
	"slices"

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
	return s.aws().installed
}

// AWSIntegration returns every component's items, base included, with a
// key for every component.
func (s *Server) AWSIntegration() p0.AWSIntegration {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := p0.AWSIntegration{}
	for component, records := range s.aws().items {
		out[component] = map[string]p0.AWSItem{}
		for id, record := range records {
			out[component][id] = awsItemOf(record.item)
		}
	}
	return out
}

// AWSItem returns an item and whether it exists.
func (s *Server) AWSItem(component, id string) (p0.AWSItem, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	record, ok := s.aws().items[component][id]
	if !ok {
		return p0.AWSItem{}, false
	}
	return awsItemOf(record.item), true
}

// SetAWSItem creates or replaces an item, creating the integration root if
// needed. A new item gets the metadata staging would have generated. It
// panics for an unknown component, a mistake in the test itself.
func (s *Server) SetAWSItem(component, id string, item p0.AWSItem) {
	mustBeAWSComponent(component)
	s.mu.Lock()
	defer s.mu.Unlock()
	store := s.aws()
	record, exists := store.items[component][id]
	if !exists {
		record = &itemRecord{metadata: objectOf(stagedMetadata(s.state.org, component, id))}
	}
	record.item = objectOf(item)
	store.items[component][id] = record
	store.installed = true
}

// DeleteAWSItem removes an item and reports whether it existed.
func (s *Server) DeleteAWSItem(component, id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.aws().items[component][id]
	delete(s.aws().items[component], id)
	return ok
}

// FailVerification makes verifying any item with this id answer 400 with
// message, until ClearVerificationFailure: a staged item stays in stage,
// and an installed one keeps its configuration, since P0 verifies it again
// before a configure.
func (s *Server) FailVerification(id, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.verificationFailures[id] = message
}

// ClearVerificationFailure lets the item with this id be verified again.
func (s *Server) ClearVerificationFailure(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.state.verificationFailures, id)
}

// aws is the AWS integration's store; the caller holds the lock.
func (s *Server) aws() *integrationStore { return s.state.integrations[p0.IntegrationAWS] }

// awsItemOf reads a stored item as the client does.
func awsItemOf(o p0.Object) p0.AWSItem {
	var item p0.AWSItem
	if err := decodeInto(o, &item); err != nil {
		panic("p0mock: a stored AWS item does not decode: " + err.Error())
	}
	return item
}

func mustBeAWSComponent(component string) {
	if !slices.Contains(awsComponents, component) {
		panic(fmt.Sprintf("p0mock: unknown AWS component %q", component))
	}
}
