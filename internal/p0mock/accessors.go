package p0mock

import (
	"fmt"
	"net/http"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests: to check what the client did, and to change
// things behind its back (drift). Everything is copied in and out. Setters
// do not validate, so that tests can create any state, even one the API
// would refuse.

// RoutingRules returns the rules in workflow order.
func (s *Server) RoutingRules() []p0.RoutingRule {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneRules(s.state.workflow.rules)
}

func (s *Server) RoutingRule(name string) (p0.RoutingRule, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := s.state.ruleIndex(name)
	if i < 0 {
		return p0.RoutingRule{}, false
	}
	return cloneRule(s.state.workflow.rules[i]), true
}

// PutRoutingRule creates the rule, or replaces the one of the same name in
// place, and makes a new workflow version.
func (s *Server) PutRoutingRule(rule p0.RoutingRule) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.putRule(rule)
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

func mustBeAWSComponent(component string) {
	if !isAWSComponent(component) {
		panic(fmt.Sprintf("p0mock: unknown AWS component %q", component))
	}
}
