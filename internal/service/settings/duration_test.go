package settings

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
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

// TestSettingsSchemasDescribed checks that every attribute of both settings
// resources is documented, since the descriptions are the docs.
func TestSettingsSchemasDescribed(t *testing.T) {
	for _, r := range []resource.Resource{NewExpiryOptionResource(), NewJITSettingsResource()} {
		s := acctest.SchemaOf(t, r)
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
