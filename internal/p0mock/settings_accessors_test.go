package p0mock

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestSettingsAccessors(t *testing.T) {
	h := newHarness(t)
	s := h.server

	s.SetExpiryOptions([]p0.Duration{{Time: 2, Unit: "h", Value: "ignored"}, {Time: 14, Unit: "d"}})
	want := []p0.Duration{{Time: 2, Unit: "h", Value: "2 hours"}, {Time: 14, Unit: "d", Value: "2 weeks"}}
	options := s.ExpiryOptions()
	if !reflect.DeepEqual(options, want) {
		t.Errorf("ExpiryOptions = %+v, want %+v", options, want)
	}
	options[0].Time = 99
	served := decodeBody[p0.ExpiryOptions](t, h.do(http.MethodGet, settingsPath+"/expiry-options", ""))
	if !reflect.DeepEqual(served.Options, want) {
		t.Errorf("served options = %+v, want %+v", served.Options, want)
	}

	s.SetDefaultApprovals(p0.DefaultApprovals{RequireReason: boolPointer(true)})
	approvals := s.DefaultApprovals()
	if *approvals.AllowOneParty || !*approvals.RequireReason {
		t.Errorf("DefaultApprovals = %v, %v; want false, true", *approvals.AllowOneParty, *approvals.RequireReason)
	}
	*approvals.AllowOneParty = true
	if *s.DefaultApprovals().AllowOneParty {
		t.Error("DefaultApprovals handed out the stored value")
	}

	// Setters do not validate, so tests can create states the API refuses.
	s.SetMaxAccessDuration(p0.Duration{Time: 1, Unit: "h"})
	s.SetStandingAccessDuration(p0.Duration{Time: 3, Unit: "h"})
	if got := s.StandingAccessDuration(); got != (p0.Duration{Time: 3, Unit: "h", Value: "3 hours"}) {
		t.Errorf("StandingAccessDuration = %+v", got)
	}
	rec := h.do(http.MethodGet, settingsPath+"/max-access-duration", "")
	if got := rec.Body.String(); got != `{"ok":true,"maxAccessDuration":{"time":1,"unit":"h","value":"1 hour"}}` {
		t.Errorf("max access duration served = %s", got)
	}
}
