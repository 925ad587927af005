package p0mock

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const settingsPath = orgPath + "/settings"

var defaultOptions = []p0.Duration{
	{Time: 5, Unit: "m", Value: "5 minutes"},
	{Time: 1, Unit: "h", Value: "1 hour"},
	{Time: 24, Unit: "h", Value: "1 day"},
	{Time: 168, Unit: "h", Value: "1 week"},
	{Time: 720, Unit: "h", Value: "30 days"},
}

func TestSettingsInitialState(t *testing.T) {
	h := newHarness(t)
	options := decodeBody[p0.ExpiryOptions](t, h.do(http.MethodGet, settingsPath+"/expiry-options", ""))
	if !reflect.DeepEqual(options.Options, defaultOptions) {
		t.Errorf("expiry options = %+v, want the five defaults", options.Options)
	}
	approvals := h.do(http.MethodGet, settingsPath+"/default-approvals", "")
	if got := approvals.Body.String(); got != `{"allowOneParty":false,"requireReason":false}` {
		t.Errorf("default approvals = %s", got)
	}
	standing := h.do(http.MethodGet, settingsPath+"/standing-access-duration", "")
	if got := standing.Body.String(); got != `{"ok":true,"standingAccessDuration":{"time":1,"unit":"h","value":"1 hour"}}` {
		t.Errorf("standing access duration = %s", got)
	}
	maximum := h.do(http.MethodGet, settingsPath+"/max-access-duration", "")
	if got := maximum.Body.String(); got != `{"ok":true,"maxAccessDuration":{"time":30,"unit":"d","value":"30 days"}}` {
		t.Errorf("max access duration = %s", got)
	}
}

func TestExpiryOptions(t *testing.T) {
	h := newHarness(t)
	options := settingsPath + "/expiry-options"
	h.runCalls([]call{
		{"add", http.MethodPost, options, `{"time":2,"unit":"h"}`, http.StatusNoContent, ""},
		{"add again", http.MethodPost, options, `{"time":2,"unit":"h"}`, http.StatusConflict, "expiry option 2h already exists"},
		{"add a default", http.MethodPost, options, `{"time":24,"unit":"h"}`, http.StatusConflict, "expiry option 24h already exists"},
		{"add the same span in another unit", http.MethodPost, options, `{"time":120,"unit":"m"}`, http.StatusNoContent, ""},
		{"delete unknown", http.MethodDelete, options + "/3h", "", http.StatusNotFound, "expiry option 3h not found"},
		{"delete malformed", http.MethodDelete, options + "/two-hours", "", http.StatusBadRequest, `expiry option key "two-hours" is malformed`},
		{"delete unknown unit", http.MethodDelete, options + "/2y", "", http.StatusBadRequest, "unit must be one of s, m, h, d, w"},
		{"delete", http.MethodDelete, options + "/2h", "", http.StatusNoContent, ""},
		{"delete again", http.MethodDelete, options + "/2h", "", http.StatusNotFound, "not found"},
		{"delete a default", http.MethodDelete, options + "/5m", "", http.StatusNoContent, ""},
	})
	want := append(append([]p0.Duration{}, defaultOptions[1:]...), p0.Duration{Time: 120, Unit: "m", Value: "2 hours"})
	if got := h.server.ExpiryOptions(); !reflect.DeepEqual(got, want) {
		t.Errorf("options = %+v, want %+v", got, want)
	}

	reset := h.do(http.MethodPost, options+"/_reset", "")
	expectStatus(t, reset, http.StatusOK)
	if got := decodeBody[p0.ExpiryOptions](t, reset).Options; !reflect.DeepEqual(got, defaultOptions) {
		t.Errorf("reset answered %+v", got)
	}
	if got := h.server.ExpiryOptions(); !reflect.DeepEqual(got, defaultOptions) {
		t.Errorf("after reset: %+v", got)
	}
}

func TestEmptyExpiryOptionsAreAnEmptyList(t *testing.T) {
	h := newHarness(t)
	for _, option := range defaultOptions {
		expectStatus(t, h.do(http.MethodDelete, settingsPath+"/expiry-options/"+expiryKey(option), ""), http.StatusNoContent)
	}
	if got := h.do(http.MethodGet, settingsPath+"/expiry-options", "").Body.String(); got != `{"options":[]}` {
		t.Errorf("no options = %s, want {\"options\":[]}", got)
	}
}

func TestDurationValidation(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantError string
	}{
		{"zero", `{"time":0,"unit":"h"}`, "time must be a positive integer"},
		{"negative", `{"time":-1,"unit":"h"}`, "time must be a positive integer"},
		{"fraction", `{"time":1.5,"unit":"h"}`, "time must be a positive integer; got 1.5"},
		{"string", `{"time":"2","unit":"h"}`, `time must be a positive integer; got "2"`},
		{"null", `{"time":null,"unit":"h"}`, "time must be a positive integer; got null"},
		{"missing time", `{"unit":"h"}`, "time is required"},
		{"unknown unit", `{"time":2,"unit":"y"}`, `unit must be one of s, m, h, d, w; got "y"`},
		{"missing unit", `{"time":2}`, "unit must be one of s, m, h, d, w"},
		{"display value sent", `{"time":2,"unit":"h","value":"2 hours"}`, `unknown field "value"`},
		{"too long", `{"time":9223372036854775807,"unit":"w"}`, "is too long"},
	}
	endpoints := []string{"/expiry-options", "/standing-access-duration", "/max-access-duration"}
	for _, tt := range tests {
		for _, endpoint := range endpoints {
			t.Run(tt.name+endpoint, func(t *testing.T) {
				method := http.MethodPut
				if endpoint == "/expiry-options" {
					method = http.MethodPost
				}
				h := newHarness(t)
				expectError(t, h.do(method, settingsPath+endpoint, tt.body), http.StatusBadRequest, tt.wantError)
				if got := h.server.ExpiryOptions(); !reflect.DeepEqual(got, defaultOptions) {
					t.Errorf("a refused write changed the expiry options: %+v", got)
				}
			})
		}
	}
}

func TestDefaultApprovals(t *testing.T) {
	h := newHarness(t)
	path := settingsPath + "/default-approvals"
	steps := []struct {
		body                 string
		wantOneParty, reason bool
	}{
		{`{"allowOneParty":true,"requireReason":true}`, true, true},
		{`{"requireReason":false}`, true, false},
		{`{}`, true, false},
		{`{"allowOneParty":false}`, false, false},
	}
	for _, step := range steps {
		expectStatus(t, h.do(http.MethodPut, path, step.body), http.StatusNoContent)
		got := decodeBody[p0.DefaultApprovals](t, h.do(http.MethodGet, path, ""))
		if *got.AllowOneParty != step.wantOneParty || *got.RequireReason != step.reason {
			t.Errorf("after %s: allowOneParty=%v requireReason=%v", step.body, *got.AllowOneParty, *got.RequireReason)
		}
	}
	expectError(t, h.do(http.MethodPut, path, `{"allow_one_party":true}`), http.StatusBadRequest, `unknown field "allow_one_party"`)
	expectError(t, h.do(http.MethodPut, path, `{"allowOneParty":"yes"}`), http.StatusBadRequest, "field allowOneParty must be a boolean")
	expectError(t, h.do(http.MethodPut, path, ""), http.StatusBadRequest, "request body is required")
}

func TestAccessDurations(t *testing.T) {
	h := newHarness(t)
	standing := settingsPath + "/standing-access-duration"
	maximum := settingsPath + "/max-access-duration"

	rec := h.do(http.MethodPut, standing, `{"time":2,"unit":"h"}`)
	expectStatus(t, rec, http.StatusOK)
	if got := rec.Body.String(); got != `{"ok":true,"standingAccessDuration":{"time":2,"unit":"h","value":"2 hours"}}` {
		t.Errorf("standing PUT answered %s", got)
	}
	rec = h.do(http.MethodPut, maximum, `{"time":7,"unit":"d"}`)
	expectStatus(t, rec, http.StatusOK)
	if got := rec.Body.String(); got != `{"ok":true,"maxAccessDuration":{"time":7,"unit":"d","value":"1 week"}}` {
		t.Errorf("max PUT answered %s", got)
	}

	h.runCalls([]call{
		{"standing above max", http.MethodPut, standing, `{"time":8,"unit":"d"}`, http.StatusBadRequest, "standing access duration 8 d exceeds the maximum access duration 7 d"},
		{"standing equal to max in other units", http.MethodPut, standing, `{"time":168,"unit":"h"}`, http.StatusOK, ""},
		{"max below standing", http.MethodPut, maximum, `{"time":6,"unit":"d"}`, http.StatusBadRequest, "standing access duration 168 h exceeds the maximum access duration 6 d"},
		{"max above standing", http.MethodPut, maximum, `{"time":2,"unit":"w"}`, http.StatusOK, ""},
	})
	wantStanding := p0.Duration{Time: 168, Unit: "h", Value: "1 week"}
	wantMax := p0.Duration{Time: 2, Unit: "w", Value: "2 weeks"}
	if got := h.server.StandingAccessDuration(); got != wantStanding {
		t.Errorf("standing = %+v, want %+v", got, wantStanding)
	}
	if got := h.server.MaxAccessDuration(); got != wantMax {
		t.Errorf("max = %+v, want %+v", got, wantMax)
	}
}

func TestSettingsReadsOff(t *testing.T) {
	h := newHarness(t)
	h.server.SetSettingsReads(false)
	for _, endpoint := range []string{"/expiry-options", "/default-approvals", "/standing-access-duration", "/max-access-duration"} {
		t.Run(endpoint, func(t *testing.T) {
			rec := h.do(http.MethodGet, settingsPath+endpoint, "")
			expectStatus(t, rec, http.StatusNotFound)
			if got := rec.Body.String(); got != `{"error":"not found"}` {
				t.Errorf("body = %s", got)
			}
		})
	}
	// Writes still work.
	expectStatus(t, h.do(http.MethodPost, settingsPath+"/expiry-options", `{"time":3,"unit":"h"}`), http.StatusNoContent)
	expectStatus(t, h.do(http.MethodPut, settingsPath+"/default-approvals", `{"requireReason":true}`), http.StatusNoContent)
	if !*h.server.DefaultApprovals().RequireReason {
		t.Error("a write was lost while reads were off")
	}

	h.server.SetSettingsReads(true)
	expectStatus(t, h.do(http.MethodGet, settingsPath+"/expiry-options", ""), http.StatusOK)
}
