package p0mock

import (
	"encoding/json"
	"fmt"
	"maps"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests to the routing: to check what the client did, and to
// change things behind its back (drift). Everything is copied in and out.
// Setters do not validate, so that tests can create any state, even one the
// API would refuse.

// RoutingRules returns the rules in workflow order, read as the client
// reads them (either spelling). RoutingRuleJSON shows a rule as stored.
func (s *Server) RoutingRules() []p0.RoutingRule {
	s.mu.Lock()
	defer s.mu.Unlock()
	rules := make([]p0.RoutingRule, len(s.state.workflow.rules))
	for i, stored := range s.state.workflow.rules {
		rules[i] = mustDecodeRule(stored)
	}
	return rules
}

func (s *Server) RoutingRule(name string) (p0.RoutingRule, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.state.ruleIndex(name)
	if i < 0 {
		return p0.RoutingRule{}, false
	}
	return mustDecodeRule(s.state.workflow.rules[i]), true
}

// RoutingRuleJSON returns the rule as the server stores it: every field,
// in the spelling it was stored in, numbers as json.Number.
func (s *Server) RoutingRuleJSON(name string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.state.ruleIndex(name)
	if i < 0 {
		return nil, false
	}
	rule, err := decodeJSONObject(s.state.workflow.rules[i].body)
	if err != nil {
		panic(fmt.Sprintf("p0mock: stored rule %q does not decode: %v", name, err))
	}
	return rule, true
}

// PutRoutingRule creates the rule, or replaces the one of the same name in
// place, and makes a new workflow version. It is stored in the spelling
// the server takes, as if it had been written through the API.
func (s *Server) PutRoutingRule(rule p0.RoutingRule) {
	body, err := json.Marshal(rule)
	if err != nil {
		panic(fmt.Sprintf("p0mock: encoding rule %q: %v", rule.Name, err))
	}
	object, err := decodeJSONObject(body)
	if err != nil {
		panic(fmt.Sprintf("p0mock: rule %q: %v", rule.Name, err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	respell(object, s.behavior.RoutingSpelling)
	s.putStoredRule(object)
}

// SeedRoutingRule stores a rule given as JSON, unchecked, with whatever
// fields it holds, as the server would store it: the fields whose names
// have two spellings in the spelling the server takes, every other field
// exactly as written. It is how tests set up what P0 holds beyond what this
// provider models. It creates the rule or replaces the one of the same
// name, and makes a new workflow version. It panics when ruleJSON is not a
// JSON object with a name, a mistake in the test itself.
func (s *Server) SeedRoutingRule(ruleJSON string) {
	object, err := decodeJSONObject([]byte(ruleJSON))
	if err != nil {
		panic(fmt.Sprintf("p0mock: seeded rule: %v", err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	respell(object, s.behavior.RoutingSpelling)
	s.putStoredRule(object)
}

// SetWorkflowField gives the workflow a field of its own beside its rules,
// as P0 may hold, and makes a new workflow version. A save keeps the
// fields it sends and drops the others.
func (s *Server) SetWorkflowField(name string, value any) {
	encoded, err := json.Marshal(value)
	if err != nil {
		panic(fmt.Sprintf("p0mock: workflow field %q: %v", name, err))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fields := maps.Clone(s.state.workflow.fields)
	if fields == nil {
		fields = map[string]json.RawMessage{}
	}
	fields[name] = encoded
	s.state.replaceRules(s.state.workflow.rules, fields)
}

// WorkflowFields returns the workflow's own fields beside its rules.
func (s *Server) WorkflowFields() map[string]json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.state.workflow.fields)
}

// putStoredRule stores rule; the caller holds the lock.
func (s *Server) putStoredRule(rule map[string]any) {
	stored, err := newStoredRule(rule)
	if err != nil || stored.name == "" {
		panic(fmt.Sprintf("p0mock: a rule needs a name and must encode: %v", err))
	}
	s.state.putRule(stored)
}

// mustDecodeRule reads a stored rule as the client does.
func mustDecodeRule(stored storedRule) p0.RoutingRule {
	var rule p0.RoutingRule
	if err := json.Unmarshal(stored.body, &rule); err != nil {
		panic(fmt.Sprintf("p0mock: stored rule %q does not decode: %v", stored.name, err))
	}
	return rule
}

// DeleteRoutingRule removes the rule (making a new workflow version) and
// reports whether it existed.
func (s *Server) DeleteRoutingRule(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.removeRule(name)
}

// WorkflowVersion is the id of the current workflow version.
func (s *Server) WorkflowVersion() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.workflow.current
}
