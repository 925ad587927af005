package provider

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestDurationSeconds(t *testing.T) {
	cases := []struct {
		time int64
		unit string
		want string
	}{
		{45, "s", "45"},
		{90, "m", "5400"},
		{1, "h", "3600"},
		{1, "d", "86400"},
		{7, "d", "604800"},
		{1, "w", "604800"},
		// Large enough to overflow int64 in seconds; compared exactly.
		{1 << 60, "w", "697286925986221051084800"},
	}
	for _, tc := range cases {
		got, ok := durationSeconds(tc.time, tc.unit)
		if !ok || got.String() != tc.want {
			t.Errorf("durationSeconds(%d, %q) = %v, %t; want %s", tc.time, tc.unit, got, ok, tc.want)
		}
	}
	if _, ok := durationSeconds(1, "y"); ok {
		t.Error("durationSeconds accepted the unit y")
	}
	for _, unit := range p0.DurationUnits {
		if _, ok := p0.UnitLength(unit); !ok {
			t.Errorf("unit %q of the API has no length in seconds", unit)
		}
	}
}

func TestSameDuration(t *testing.T) {
	twoHours := modelFromDuration(p0.Duration{Time: 2, Unit: "h", Value: "2 hours"})
	sameText := modelFromDuration(p0.Duration{Time: 2, Unit: "h"})
	cases := []struct {
		name string
		a, b *durationModel
		want bool
	}{
		{"both missing", nil, nil, true},
		{"one missing", twoHours, nil, false},
		{"display text ignored", twoHours, sameText, true},
		{"other time", twoHours, modelFromDuration(p0.Duration{Time: 3, Unit: "h"}), false},
		// 120m is as long as 2h but is written differently, which P0 keeps.
		{"other unit", twoHours, modelFromDuration(p0.Duration{Time: 120, Unit: "m"}), false},
	}
	for _, tc := range cases {
		if got := sameDuration(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: sameDuration = %t, want %t", tc.name, got, tc.want)
		}
	}
}

func TestModelFromDuration(t *testing.T) {
	m := modelFromDuration(p0.Duration{Time: 2, Unit: "h", Value: "2 hours"})
	if m.Time.ValueInt64() != 2 || m.Unit.ValueString() != "h" || m.Value.ValueString() != "2 hours" {
		t.Errorf("modelFromDuration = %+v", m)
	}
	if m := modelFromDuration(p0.Duration{Time: 2, Unit: "h"}); !m.Value.IsNull() {
		t.Errorf("a missing display text maps to %v, want null", m.Value)
	}
	if d := durationFromModel(*m); d != (p0.Duration{Time: 2, Unit: "h"}) {
		t.Errorf("durationFromModel = %+v; the display text must not be sent", d)
	}
}

func TestReadUnsupported(t *testing.T) {
	cases := []struct {
		err  error
		want bool
	}{
		{&p0.APIError{StatusCode: http.StatusNotFound}, true},
		{&p0.APIError{StatusCode: http.StatusMethodNotAllowed}, true},
		{fmt.Errorf("reading: %w", &p0.APIError{StatusCode: http.StatusNotFound}), true},
		{&p0.APIError{StatusCode: http.StatusBadRequest}, false},
		{&p0.APIError{StatusCode: http.StatusForbidden}, false},
		{&p0.APIError{StatusCode: http.StatusInternalServerError}, false},
		{errors.New("connection refused"), false},
		{nil, false},
	}
	for _, tc := range cases {
		if got := p0.IsUnsupportedRead(tc.err); got != tc.want {
			t.Errorf("IsUnsupportedRead(%v) = %t, want %t", tc.err, got, tc.want)
		}
	}
}

func TestNoteDriftUndetectable(t *testing.T) {
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	noteDriftUndetectable(ctx, expiryOptionsRead, &p0.APIError{StatusCode: http.StatusNotFound})
	entries := logEntries(t, &out)
	if len(entries) != 1 {
		t.Fatalf("logged %d entries, want 1: %v", len(entries), entries)
	}
	e := entries[0]
	if e["@level"] != "warn" || !strings.Contains(fmt.Sprint(e["@message"]), "cannot be detected") || e["setting"] != expiryOptionsRead {
		t.Errorf("log entry = %v", e)
	}
}

// TestSettingsSchemasDescribed checks that every attribute of both settings
// resources is documented, since the descriptions are the docs.
func TestSettingsSchemasDescribed(t *testing.T) {
	for _, r := range []resource.Resource{NewExpiryOptionResource(), NewJITSettingsResource()} {
		s := schemaOf(t, r)
		if s.MarkdownDescription == "" {
			t.Errorf("%T has no description", r)
		}
		checkDescribed(t, fmt.Sprintf("%T", r), s.Attributes)
	}
}

func checkDescribed(t *testing.T, owner string, attrs map[string]rschema.Attribute) {
	t.Helper()
	for name, a := range attrs {
		if a.GetMarkdownDescription() == "" {
			t.Errorf("%s: attribute %s has no description", owner, name)
		}
		if nested, ok := a.(rschema.SingleNestedAttribute); ok {
			checkDescribed(t, owner+"."+name, nested.Attributes)
		}
	}
}

// schemaOf builds a resource's schema, failing on a malformed one.
func schemaOf(t *testing.T, r resource.Resource) rschema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	r.Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("%T schema: %v", r, resp.Diagnostics)
	}
	return resp.Schema
}

// stateOf is a state of r's schema holding model.
func stateOf(t *testing.T, r resource.Resource, model any) tfsdk.State {
	t.Helper()
	state := tfsdk.State{Schema: schemaOf(t, r)}
	if diags := state.Set(context.Background(), model); diags.HasError() {
		t.Fatalf("building state: %v", diags)
	}
	return state
}

// client is an API client for this environment's mock, for tests that call
// a resource's methods directly.
func (e *testEnv) client(t *testing.T) *p0.Client {
	t.Helper()
	cfg := p0.Config{Host: e.URL, Org: testOrg, Token: testToken, UserAgent: "terraform-provider-p0/test"}
	fastRetries(&cfg)
	c, err := p0.NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// logEntries decodes what a tflogtest logger wrote.
func logEntries(t *testing.T, out *bytes.Buffer) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(out)
	if err != nil {
		t.Fatalf("decoding log: %v", err)
	}
	return entries
}

// loggedMessage reports whether any entry's message contains text.
func loggedMessage(entries []map[string]any, text string) bool {
	for _, e := range entries {
		if strings.Contains(fmt.Sprint(e["@message"]), text) {
			return true
		}
	}
	return false
}
