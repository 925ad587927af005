package p0mock

import (
	"maps"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests to every integration: to check what the client
// did, and to change things behind its back (drift). Everything is copied
// in and out.

// Item returns an item of any integration, with its metadata, and whether
// it exists.
func (s *Server) Item(ref p0.ItemRef) (p0.Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	store, ok := s.state.integrations[ref.Integration]
	if !ok {
		return p0.Item{}, false
	}
	record, ok := store.items[ref.Component][ref.ID]
	if !ok {
		return p0.Item{}, false
	}
	return p0.Item{Item: maps.Clone(record.item), Metadata: maps.Clone(record.metadata)}, true
}

// Items lists the ids of the items of one component of an integration.
func (s *Server) Items(integration, component string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	store, ok := s.state.integrations[integration]
	if !ok {
		return nil
	}
	ids := make([]string, 0, len(store.items[component]))
	for id := range store.items[component] {
		ids = append(ids, id)
	}
	return ids
}

// DeleteItem removes an item and reports whether it existed.
func (s *Server) DeleteItem(ref p0.ItemRef) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	store, ok := s.state.integrations[ref.Integration]
	if !ok {
		return false
	}
	_, existed := store.items[ref.Component][ref.ID]
	delete(store.items[ref.Component], ref.ID)
	return existed
}

// IntegrationInstalled reports whether an integration's root exists.
func (s *Server) IntegrationInstalled(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	store, ok := s.state.integrations[key]
	return ok && store.installed
}

// UninstallIntegration removes an integration's root and every item of
// it, as DELETE .../config does.
func (s *Server) UninstallIntegration(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if kind, ok := integrationKinds[key]; ok {
		store := s.state.integrations[key]
		store.installed, store.metadata, store.items = false, nil, emptyComponents(kind)
	}
}
