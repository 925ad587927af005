package p0mock

import (
	"net/http"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// State access for tests to the JIT settings: to check what the client did, and to
// change things behind its back (drift). Everything is copied in and out.
// Setters do not validate, so that tests can create any state, even one the
// API would refuse.

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

// ApprovableDuration returns the duration, or the zero Duration while it
// was never set.
func (s *Server) ApprovableDuration() p0.Duration {
	return s.durationSetting(&s.state.settings.approvable)
}

// SetApprovableDuration sets the duration, recomputing its display text.
func (s *Server) SetApprovableDuration(d p0.Duration) {
	s.setDurationSetting(&s.state.settings.approvable, d)
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
