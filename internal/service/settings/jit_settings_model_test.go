package settings

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// durationSpan is a configured duration, as in the plan.
func durationSpan(time int64, unit string) *durationModel {
	return &durationModel{Time: types.Int64Value(time), Unit: types.StringValue(unit), Value: types.StringUnknown()}
}

// jitSettings is a model with the given parts; nil and null mean unmanaged.
func jitSettings(allowOneParty, requireReason types.Bool, standing, maximum *durationModel) jitSettingsModel {
	return jitSettingsModel{
		ID:                     types.StringValue(acctest.TestOrg),
		AllowOneParty:          allowOneParty,
		RequireReason:          requireReason,
		StandingAccessDuration: standing,
		MaxAccessDuration:      maximum,
	}
}

var (
	tfTrue  = types.BoolValue(true)
	tfFalse = types.BoolValue(false)
	tfUnset = types.BoolNull()
)

func TestSettingsWrites(t *testing.T) {
	cases := []struct {
		name    string
		plan    jitSettingsModel
		prior   jitSettingsModel
		current *durationModel // P0's standing duration when it is not in prior
		want    []settingsPart
	}{
		{
			name:  "create writes every managed part",
			plan:  jitSettings(tfTrue, tfFalse, durationSpan(1, "h"), durationSpan(7, "d")),
			prior: jitSettingsModel{},
			want:  []settingsPart{partApprovals, partMax, partStanding},
		},
		{
			name:  "create of approvals only",
			plan:  jitSettings(tfUnset, tfTrue, nil, nil),
			prior: jitSettingsModel{},
			want:  []settingsPart{partApprovals},
		},
		{
			name:  "nothing changed",
			plan:  jitSettings(tfTrue, tfFalse, durationSpan(1, "h"), durationSpan(7, "d")),
			prior: jitSettings(tfTrue, tfFalse, durationSpan(1, "h"), durationSpan(7, "d")),
		},
		{
			name:  "only require_reason changed",
			plan:  jitSettings(tfTrue, tfTrue, durationSpan(1, "h"), durationSpan(7, "d")),
			prior: jitSettings(tfTrue, tfFalse, durationSpan(1, "h"), durationSpan(7, "d")),
			want:  []settingsPart{partApprovals},
		},
		{
			name:  "a setting tfFalse longer managed is not written",
			plan:  jitSettings(tfUnset, tfFalse, nil, durationSpan(7, "d")),
			prior: jitSettings(tfTrue, tfFalse, durationSpan(1, "h"), durationSpan(7, "d")),
		},
		{
			name:  "a newly managed setting is written",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(1, "h"), nil),
			prior: jitSettings(tfUnset, tfUnset, nil, nil),
			want:  []settingsPart{partStanding},
		},
		{
			name:  "only the maximum changed",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(1, "h"), durationSpan(14, "d")),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(1, "h"), durationSpan(7, "d")),
			want:  []settingsPart{partMax},
		},
		{
			name:  "same length in another unit is a change",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(60, "m"), nil),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(1, "h"), nil),
			want:  []settingsPart{partStanding},
		},
		{
			name:  "raising both: the maximum first",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(3, "d"), durationSpan(1, "w")),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(30, "m"), durationSpan(1, "h")),
			want:  []settingsPart{partMax, partStanding},
		},
		{
			name:  "lowering both below the current standing duration: standing first",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(30, "m"), durationSpan(1, "h")),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(2, "h"), durationSpan(7, "d")),
			want:  []settingsPart{partStanding, partMax},
		},
		{
			name:  "new maximum equal to the current standing duration across units: the maximum first",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(30, "m"), durationSpan(2, "h")),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(120, "m"), durationSpan(7, "d")),
			want:  []settingsPart{partMax, partStanding},
		},
		{
			name:  "new maximum just under the current standing duration across units: standing first",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(30, "m"), durationSpan(119, "m")),
			prior: jitSettings(tfUnset, tfUnset, durationSpan(2, "h"), durationSpan(7, "d")),
			want:  []settingsPart{partStanding, partMax},
		},
		{
			name:    "standing duration newly managed: P0's current one decides",
			plan:    jitSettings(tfUnset, tfUnset, durationSpan(10, "m"), durationSpan(30, "m")),
			prior:   jitSettings(tfUnset, tfUnset, nil, durationSpan(7, "d")),
			current: durationSpan(1, "h"),
			want:    []settingsPart{partStanding, partMax},
		},
		{
			name:  "current standing duration unknown: the maximum first",
			plan:  jitSettings(tfUnset, tfUnset, durationSpan(10, "m"), durationSpan(30, "m")),
			prior: jitSettingsModel{},
			want:  []settingsPart{partMax, partStanding},
		},
	}
	for _, tc := range cases {
		current := tc.current
		if current == nil {
			current = tc.prior.StandingAccessDuration
		}
		if got := settingsWrites(tc.plan, tc.prior, current); !slices.Equal(got, tc.want) {
			t.Errorf("%s: settingsWrites = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestBothDurationsChange(t *testing.T) {
	prior := jitSettings(tfUnset, tfUnset, durationSpan(1, "h"), durationSpan(7, "d"))
	if bothDurationsChange(jitSettings(tfTrue, tfUnset, durationSpan(1, "h"), durationSpan(14, "d")), prior) {
		t.Error("only the maximum changes, yet both are reported")
	}
	if !bothDurationsChange(jitSettings(tfUnset, tfUnset, durationSpan(2, "h"), durationSpan(14, "d")), prior) {
		t.Error("both change, yet that is not reported")
	}
	if bothDurationsChange(jitSettings(tfUnset, tfUnset, nil, durationSpan(14, "d")), prior) {
		t.Error("an unmanaged standing duration is never written")
	}
}

func TestApprovalsFromModel(t *testing.T) {
	got := approvalsFromModel(jitSettings(tfUnset, tfFalse, nil, nil))
	if got.AllowOneParty != nil || got.RequireReason == nil || *got.RequireReason {
		t.Errorf("approvalsFromModel = %+v; want only requireReason=false", got)
	}
	if !framework.SameJSON(got, map[string]bool{"requireReason": false}) {
		t.Errorf("approvals body is not {\"requireReason\":false}")
	}
}

func TestWithApprovals(t *testing.T) {
	on, off := true, false
	got := p0.DefaultApprovals{AllowOneParty: &on, RequireReason: &off}

	m := withApprovals(jitSettings(tfUnset, tfTrue, nil, nil), got, false)
	if !m.AllowOneParty.IsNull() || !m.RequireReason.Equal(tfFalse) {
		t.Errorf("managed only: %+v, want allow_one_party null and require_reason false", m)
	}
	m = withApprovals(jitSettings(tfUnset, tfUnset, nil, nil), got, true)
	if !m.AllowOneParty.Equal(tfTrue) || !m.RequireReason.Equal(tfFalse) {
		t.Errorf("after import: %+v, want both read", m)
	}
}

func TestUnwrittenResult(t *testing.T) {
	prior := jitSettings(tfTrue, tfFalse, modelFromDuration(p0.Duration{Time: 1, Unit: "h", Value: "1 hour"}), durationSpan(7, "d"))
	plan := jitSettings(tfUnset, tfTrue, durationSpan(2, "h"), durationSpan(7, "d"))
	got := unwrittenResult(plan, prior, "org-1")
	if got.ID.ValueString() != "org-1" {
		t.Errorf("id = %v", got.ID)
	}
	if !got.AllowOneParty.IsNull() {
		t.Error("a setting tfFalse longer managed must leave state")
	}
	if !got.RequireReason.Equal(tfFalse) || got.StandingAccessDuration.Value.ValueString() != "1 hour" {
		t.Errorf("parts not yet written must keep their prior values: %+v", got)
	}
	if got := unwrittenResult(plan, jitSettingsModel{}, "org-1"); got.StandingAccessDuration != nil || !got.RequireReason.IsNull() {
		t.Errorf("on create, nothing is in state before its PUT: %+v", got)
	}
}

func TestWrittenDuration(t *testing.T) {
	got := writtenDuration(durationSpan(24, "h"), p0.Duration{Time: 1, Unit: "d", Value: "1 day"})
	if got.Time.ValueInt64() != 24 || got.Unit.ValueString() != "h" || got.Value.ValueString() != "1 day" {
		t.Errorf("writtenDuration = %+v; want the planned 24h with P0's display text", got)
	}
	if got := writtenDuration(durationSpan(2, "h"), p0.Duration{Time: 2, Unit: "h"}); !got.Value.IsNull() {
		t.Errorf("a missing display text must be null, got %v", got.Value)
	}
}
