package p0mock

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Endpoints of the JIT settings document, plus the reads the provider
// assumes (design.md, "Reads the documents do not describe"), which tests
// can switch off to see how the provider copes without them.

// settingsState is the organization's JIT settings. A nil value is a
// setting never set (see Behavior.UnsetSettings).
type settingsState struct {
	expiryOptions  []p0.Duration // in the order added; never nil
	allowOneParty  *bool
	requireReason  *bool
	standingAccess *p0.Duration
	maxAccess      *p0.Duration
	// approvable is how long after a request is made it may still be
	// approved.
	approvable *p0.Duration
}

// defaultSettings are P0's settings for a new organization.
func defaultSettings() settingsState {
	standing, maximum, approvable := displayed(1, p0.UnitHours), displayed(30, p0.UnitDays), displayed(1, p0.UnitDays)
	return settingsState{
		expiryOptions:  defaultExpiryOptions(),
		allowOneParty:  new(bool),
		requireReason:  new(bool),
		standingAccess: &standing,
		maxAccess:      &maximum,
		approvable:     &approvable,
	}
}

// clearValues leaves the approval defaults and both durations never set.
func (settings *settingsState) clearValues() {
	settings.allowOneParty, settings.requireReason = nil, nil
	settings.standingAccess, settings.maxAccess, settings.approvable = nil, nil, nil
}

// checkReadable refuses settings reads where the behavior has none, with
// the answer of a path that matches no endpoint.
func (s *Server) checkSettingsReadable() error {
	switch s.behavior.SettingsReads {
	case 0:
		return nil
	case http.StatusMethodNotAllowed:
		return methodNotAllowed("method GET is not allowed")
	}
	return newAPIError(s.behavior.SettingsReads, "not found")
}

// settingField is one field of a settings answer: its JSON name, and its
// value, nil for a setting never set.
type settingField struct {
	name  string
	value any
}

// settingsReply answers a settings read or write with fields, in order,
// and "ok": true first when withOK. Settings never set are shown in the
// form the behavior gives them.
func (s *Server) settingsReply(withOK bool, fields ...settingField) (reply, error) {
	var body bytes.Buffer
	body.WriteByte('{')
	add := func(name string, value any) {
		if body.Len() > 1 {
			body.WriteByte(',')
		}
		encoded, _ := json.Marshal(value) // settings are plain values; they always encode
		fmt.Fprintf(&body, "%q:%s", name, encoded)
	}
	if withOK {
		add("ok", true)
	}
	set := 0
	for _, field := range fields {
		switch {
		case field.value != nil:
			add(field.name, field.value)
			set++
		case s.behavior.UnsetSettings == UnsetNullField:
			add(field.name, nil)
		}
	}
	body.WriteByte('}')
	switch {
	case set > 0 || s.behavior.UnsetSettings == UnsetMissing || s.behavior.UnsetSettings == UnsetNullField:
	case s.behavior.UnsetSettings == UnsetNull:
		return jsonReply(http.StatusOK, nil), nil
	case s.behavior.UnsetSettings == UnsetEmpty:
		return respondJSON(struct{}{})
	}
	rep := jsonReply(http.StatusOK, nil)
	rep.body = body.Bytes()
	return rep, nil
}

// valueOrNil is p as a settings value: nil, untyped, when never set.
func valueOrNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}

func (settings *settingsState) expiryOptionIndex(d p0.Duration) int {
	return slices.IndexFunc(settings.expiryOptions, func(option p0.Duration) bool {
		return option.Time == d.Time && option.Unit == d.Unit
	})
}

func (s *Server) getExpiryOptions(*apiRequest) (reply, error) {
	if err := s.checkSettingsReadable(); err != nil {
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

// deleteExpiryOption removes the option whose key is given, in the form
// the behavior says keys take.
func (s *Server) deleteExpiryOption(req *apiRequest) (reply, error) {
	key := req.PathValue("key")
	settings := &s.state.settings
	if s.behavior.ExpiryKey != ExpiryKeyCompact {
		i := slices.IndexFunc(settings.expiryOptions, func(option p0.Duration) bool { return option.Value == key })
		switch {
		case i >= 0:
			settings.expiryOptions = slices.Delete(settings.expiryOptions, i, i+1)
			return respondNoContent()
		case s.behavior.ExpiryKey == ExpiryKeyDisplayNotFound:
			return reply{}, notFound("expiry option %q not found", key)
		}
		return respondNoContent() // nothing matched, and nothing is said
	}
	option, err := parseExpiryKey(key)
	if err != nil {
		return reply{}, err
	}
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
	if err := s.checkSettingsReadable(); err != nil {
		return reply{}, err
	}
	approvals := s.state.settings.defaultApprovals()
	return s.settingsReply(false,
		settingField{"allowOneParty", valueOrNil(approvals.AllowOneParty)},
		settingField{"requireReason", valueOrNil(approvals.RequireReason)})
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
		AllowOneParty: clonePointer(settings.allowOneParty),
		RequireReason: clonePointer(settings.requireReason),
	}
}

// applyDefaultApprovals sets the values present in approvals and keeps the
// others.
func (settings *settingsState) applyDefaultApprovals(approvals p0.DefaultApprovals) {
	if approvals.AllowOneParty != nil {
		settings.allowOneParty = clonePointer(approvals.AllowOneParty)
	}
	if approvals.RequireReason != nil {
		settings.requireReason = clonePointer(approvals.RequireReason)
	}
}

// The duration names as their answers spell them.
const (
	standingAccessField = "standingAccessDuration"
	maxAccessField      = "maxAccessDuration"
	approvableField     = "approvableDuration"
)

func (s *Server) getApprovableDuration(*apiRequest) (reply, error) {
	return s.getDuration(approvableField, s.state.settings.approvable)
}

func (s *Server) putApprovableDuration(req *apiRequest) (reply, error) {
	approvable, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	s.state.settings.approvable = &approvable
	return s.durationReply(approvableField, &approvable)
}

func (s *Server) getStandingAccessDuration(*apiRequest) (reply, error) {
	return s.getDuration(standingAccessField, s.state.settings.standingAccess)
}

func (s *Server) getMaxAccessDuration(*apiRequest) (reply, error) {
	return s.getDuration(maxAccessField, s.state.settings.maxAccess)
}

func (s *Server) getDuration(field string, value *p0.Duration) (reply, error) {
	if err := s.checkSettingsReadable(); err != nil {
		return reply{}, err
	}
	return s.durationReply(field, value)
}

// durationReply is {"ok": true, "<field>": {time, unit, value}}, with a
// duration never set shown as the behavior says.
func (s *Server) durationReply(field string, value *p0.Duration) (reply, error) {
	return s.settingsReply(true, settingField{field, valueOrNil(value)})
}

func (s *Server) putStandingAccessDuration(req *apiRequest) (reply, error) {
	standing, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	if err := checkStandingWithinMax(&standing, settings.maxAccess); err != nil {
		return reply{}, err
	}
	settings.standingAccess = &standing
	return s.durationReply(standingAccessField, &standing)
}

func (s *Server) putMaxAccessDuration(req *apiRequest) (reply, error) {
	maximum, err := decodeDuration(req)
	if err != nil {
		return reply{}, err
	}
	settings := &s.state.settings
	if err := checkStandingWithinMax(settings.standingAccess, &maximum); err != nil {
		return reply{}, err
	}
	settings.maxAccess = &maximum
	return s.durationReply(maxAccessField, &maximum)
}

// checkStandingWithinMax enforces that standing access never outlasts the
// longest access anyone may request; either side may be the one changing,
// and a side never set bounds nothing.
func checkStandingWithinMax(standing, maximum *p0.Duration) error {
	if standing == nil || maximum == nil {
		return nil
	}
	if spanSeconds(*standing) > spanSeconds(*maximum) {
		return badRequest("standing access duration %d %s exceeds the maximum access duration %d %s",
			standing.Time, standing.Unit, maximum.Time, maximum.Unit)
	}
	return nil
}
