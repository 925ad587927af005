package p0mock

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests: to check what the client did, and to change
// things behind its back (drift). Everything is copied in and out. Setters
// do not validate, so that tests can create any state, even one the API
// would refuse.

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

// SetSettingsReads turns the four settings GET endpoints on or off; off,
// they answer 404 as if P0 had no read endpoints (Behavior.SettingsReads).
func (s *Server) SetSettingsReads(enabled bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.behavior.SettingsReads = 0
	if !enabled {
		s.behavior.SettingsReads = http.StatusNotFound
	}
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

func (s *Server) ExpiryOptions() []p0.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]p0.Duration{}, s.state.settings.expiryOptions...)
}

// SetExpiryOptions replaces the options. Their display text is recomputed
// from time and unit; a Value given is ignored.
func (s *Server) SetExpiryOptions(opts []p0.Duration) {
	options := make([]p0.Duration, len(opts))
	for i, option := range opts {
		options[i] = displayed(option.Time, option.Unit)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.settings.expiryOptions = options
}

// DefaultApprovals returns both values; nil is a value never set.
func (s *Server) DefaultApprovals() p0.DefaultApprovals {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state.settings.defaultApprovals()
}

// SetDefaultApprovals sets the values present and keeps the others, as the
// PUT endpoint does.
func (s *Server) SetDefaultApprovals(approvals p0.DefaultApprovals) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.settings.applyDefaultApprovals(approvals)
}

// StandingAccessDuration returns the duration, or the zero Duration while
// it was never set.
func (s *Server) StandingAccessDuration() p0.Duration {
	return s.durationSetting(&s.state.settings.standingAccess)
}

// SetStandingAccessDuration sets the duration, recomputing its display
// text, without checking it against the maximum.
func (s *Server) SetStandingAccessDuration(d p0.Duration) {
	s.setDurationSetting(&s.state.settings.standingAccess, d)
}

// MaxAccessDuration returns the duration, or the zero Duration while it was
// never set.
func (s *Server) MaxAccessDuration() p0.Duration {
	return s.durationSetting(&s.state.settings.maxAccess)
}

// SetMaxAccessDuration sets the duration, recomputing its display text,
// without checking it against the standing access duration.
func (s *Server) SetMaxAccessDuration(d p0.Duration) {
	s.setDurationSetting(&s.state.settings.maxAccess, d)
}

// durationSetting and setDurationSetting read and write one of the
// settings' durations under the lock.
func (s *Server) durationSetting(setting **p0.Duration) p0.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return valueOrZero(*setting)
}

func (s *Server) setDurationSetting(setting **p0.Duration, d p0.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d = displayed(d.Time, d.Unit)
	*setting = &d
}

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

func mustBeAWSComponent(component string) {
	if !isAWSComponent(component) {
		panic(fmt.Sprintf("p0mock: unknown AWS component %q", component))
	}
}
