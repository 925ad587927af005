package p0mock

import (
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Endpoints of the JIT settings document, plus the reads the provider
// assumes (design.md, "Reads the documents do not describe"), which tests
// can switch off to see how the provider copes without them.

// settingsState is the organization's JIT settings.
type settingsState struct {
	readsEnabled   bool
	expiryOptions  []p0.Duration // in the order added; never nil
	allowOneParty  bool
	requireReason  bool
	standingAccess p0.Duration
	maxAccess      p0.Duration
}

// standingAccessBody and maxAccessBody answer the duration endpoints.
type standingAccessBody struct {
	OK                     bool        `json:"ok"`
	StandingAccessDuration p0.Duration `json:"standingAccessDuration"`
}

type maxAccessBody struct {
	OK                bool        `json:"ok"`
	MaxAccessDuration p0.Duration `json:"maxAccessDuration"`
}

// defaultSettings are P0's settings for a new organization.
func defaultSettings() settingsState {
	return settingsState{
		readsEnabled:   true,
		expiryOptions:  defaultExpiryOptions(),
		standingAccess: displayed(1, p0.UnitHours),
		maxAccess:      displayed(30, p0.UnitDays),
	}
}

// checkReadable refuses settings reads while they are switched off, with
// the answer of a path that matches no endpoint.
func (settings *settingsState) checkReadable() error {
	if !settings.readsEnabled {
		return notFound("not found")
	}
	return nil
}

func (settings *settingsState) expiryOptionIndex(d p0.Duration) int {
	return slices.IndexFunc(settings.expiryOptions, func(option p0.Duration) bool {
		return option.Time == d.Time && option.Unit == d.Unit
	})
}

func (s *Server) getExpiryOptions(*apiRequest) (reply, error) {
	if err := s.state.settings.checkReadable(); err != nil {
		return reply{}, err
	}
	return respondJSON(p0.ExpiryOptions{Options: s.state.settings.expiryOptions})
}

func (s *Server) addExpiryOption(req *apiRequest) (reply, error) {
	option, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	if settings.expiryOptionIndex(option) >= 0 {
		return reply{}, conflict("expiry option %s already exists", expiryKey(option))
	}
	settings.expiryOptions = append(settings.expiryOptions, option)
	return respondNoContent()
}

func (s *Server) deleteExpiryOption(req *apiRequest) (reply, error) {
	option, err := parseExpiryKey(req.PathValue("key"))
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	i := settings.expiryOptionIndex(option)
	if i < 0 {
		return reply{}, notFound("expiry option %s not found", expiryKey(option))
	}
	settings.expiryOptions = slices.Delete(settings.expiryOptions, i, i+1)
	return respondNoContent()
}

func (s *Server) resetExpiryOptions(req *apiRequest) (reply, error) {
	if err := req.expectNoFields(); err != nil {
		return reply{}, err
	}
	s.state.settings.expiryOptions = defaultExpiryOptions()
	return respondJSON(p0.ExpiryOptions{Options: s.state.settings.expiryOptions})
}

func (s *Server) getDefaultApprovals(*apiRequest) (reply, error) {
	if err := s.state.settings.checkReadable(); err != nil {
		return reply{}, err
	}
	return respondJSON(s.state.settings.defaultApprovals())
}

// putDefaultApprovals changes only the values sent.
func (s *Server) putDefaultApprovals(req *apiRequest) (reply, error) {
	var body p0.DefaultApprovals
	if err := req.decode(&body); err != nil {
		return reply{}, err
	}
	s.state.settings.applyDefaultApprovals(body)
	return respondNoContent()
}

func (settings *settingsState) defaultApprovals() p0.DefaultApprovals {
	return p0.DefaultApprovals{
		AllowOneParty: clonePointer(&settings.allowOneParty),
		RequireReason: clonePointer(&settings.requireReason),
	}
}

// applyDefaultApprovals sets the values present in approvals and keeps the
// others.
func (settings *settingsState) applyDefaultApprovals(approvals p0.DefaultApprovals) {
	if approvals.AllowOneParty != nil {
		settings.allowOneParty = *approvals.AllowOneParty
	}
	if approvals.RequireReason != nil {
		settings.requireReason = *approvals.RequireReason
	}
}

func (s *Server) getStandingAccessDuration(*apiRequest) (reply, error) {
	if err := s.state.settings.checkReadable(); err != nil {
		return reply{}, err
	}
	return respondJSON(standingAccessBody{OK: true, StandingAccessDuration: s.state.settings.standingAccess})
}

func (s *Server) putStandingAccessDuration(req *apiRequest) (reply, error) {
	standing, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	if err := checkStandingWithinMax(standing, settings.maxAccess); err != nil {
		return reply{}, err
	}
	settings.standingAccess = standing
	return respondJSON(standingAccessBody{OK: true, StandingAccessDuration: standing})
}

func (s *Server) getMaxAccessDuration(*apiRequest) (reply, error) {
	if err := s.state.settings.checkReadable(); err != nil {
		return reply{}, err
	}
	return respondJSON(maxAccessBody{OK: true, MaxAccessDuration: s.state.settings.maxAccess})
}

func (s *Server) putMaxAccessDuration(req *apiRequest) (reply, error) {
	maximum, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	if err := checkStandingWithinMax(settings.standingAccess, maximum); err != nil {
		return reply{}, err
	}
	settings.maxAccess = maximum
	return respondJSON(maxAccessBody{OK: true, MaxAccessDuration: maximum})
}

// checkStandingWithinMax enforces that standing access never outlasts the
// longest access anyone may request; either side may be the one changing.
func checkStandingWithinMax(standing, maximum p0.Duration) error {
	if spanSeconds(standing) > spanSeconds(maximum) {
		return badRequest("standing access duration %d %s exceeds the maximum access duration %d %s",
			standing.Time, standing.Unit, maximum.Time, maximum.Unit)
	}
	return nil
}
