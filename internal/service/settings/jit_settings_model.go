package settings

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// jitSettingsModel is p0_jit_settings' state. A null attribute (or nil
// duration) is a part of the settings that Terraform does not manage: it is
// never sent and never read.
type jitSettingsModel struct {
	ID                     types.String   `tfsdk:"id"`
	AllowOneParty          types.Bool     `tfsdk:"allow_one_party"`
	RequireReason          types.Bool     `tfsdk:"require_reason"`
	StandingAccessDuration *durationModel `tfsdk:"standing_access_duration"`
	MaxAccessDuration      *durationModel `tfsdk:"max_access_duration"`
	ApprovableDuration     *durationModel `tfsdk:"approvable_duration"`
}

// settingsPart is one endpoint of the settings, written with one PUT.
type settingsPart string

const (
	partApprovals  settingsPart = "default-approvals"
	partStanding   settingsPart = "standing-access-duration"
	partMax        settingsPart = "max-access-duration"
	partApprovable settingsPart = "approvable-duration"
)

// description names the part in messages.
func (p settingsPart) description() string {
	switch p {
	case partApprovals:
		return "the approval defaults"
	case partStanding:
		return "the standing access duration"
	case partApprovable:
		return "the approvable duration"
	}
	return "the maximum access duration"
}

// managesApprovals reports whether either approval default is managed.
func (m jitSettingsModel) managesApprovals() bool {
	return !m.AllowOneParty.IsNull() || !m.RequireReason.IsNull()
}

// approvalsFromModel is the body of PUT /settings/default-approvals: only
// the managed values, so that P0 keeps the other as it is.
func approvalsFromModel(m jitSettingsModel) p0.DefaultApprovals {
	return p0.DefaultApprovals{
		AllowOneParty: m.AllowOneParty.ValueBoolPointer(),
		RequireReason: m.RequireReason.ValueBoolPointer(),
	}
}

// withApprovals stores what P0 answered for the approval defaults. Only
// managed values are taken, unless all is set (an import, which manages
// everything P0 reports).
func withApprovals(m jitSettingsModel, got p0.DefaultApprovals, all bool) jitSettingsModel {
	if all || !m.AllowOneParty.IsNull() {
		m.AllowOneParty = types.BoolPointerValue(got.AllowOneParty)
	}
	if all || !m.RequireReason.IsNull() {
		m.RequireReason = types.BoolPointerValue(got.RequireReason)
	}
	return m
}

// writtenDuration is the state of a duration after its PUT: the time and
// unit as planned, and P0's display text from the answer. Keeping the
// planned time and unit means a P0 that rewrites them (24h as 1d) shows up
// as drift on the next read rather than as an inconsistent apply.
func writtenDuration(planned *durationModel, got p0.Duration) *durationModel {
	return &durationModel{Time: planned.Time, Unit: planned.Unit, Value: framework.OptionalString(got.Value)}
}

// settingsWrites lists the PUTs that take P0 from prior to plan, in the
// order they must be sent. Only managed parts whose values changed are
// written.
//
// When both durations change, the order keeps P0 from ever holding a
// standing access duration above the maximum, which it refuses: the
// maximum goes first when it is at least the standing duration P0 holds now
// (current), otherwise the standing duration is lowered first. The plan
// itself has standing ≤ max (ValidateConfig), so one of the two orders is
// always safe. With current unknown, the maximum goes first.
func settingsWrites(plan, prior jitSettingsModel, current *durationModel) []settingsPart {
	var writes []settingsPart
	if boolChanged(plan.AllowOneParty, prior.AllowOneParty) || boolChanged(plan.RequireReason, prior.RequireReason) {
		writes = append(writes, partApprovals)
	}
	standing := durationChanged(plan.StandingAccessDuration, prior.StandingAccessDuration)
	maximum := durationChanged(plan.MaxAccessDuration, prior.MaxAccessDuration)
	switch {
	case standing && maximum:
		if maxFirst(plan.MaxAccessDuration, current) {
			writes = append(writes, partMax, partStanding)
		} else {
			writes = append(writes, partStanding, partMax)
		}
	case standing:
		writes = append(writes, partStanding)
	case maximum:
		writes = append(writes, partMax)
	}
	if durationChanged(plan.ApprovableDuration, prior.ApprovableDuration) {
		writes = append(writes, partApprovable)
	}
	return writes
}

// bothDurationsChange reports whether an apply writes both durations, the
// only case in which their order, and so P0's current standing duration,
// matters.
func bothDurationsChange(plan, prior jitSettingsModel) bool {
	return durationChanged(plan.StandingAccessDuration, prior.StandingAccessDuration) &&
		durationChanged(plan.MaxAccessDuration, prior.MaxAccessDuration)
}

// maxFirst reports whether the new maximum can be written before the
// standing duration, that is whether it is at least the current standing
// duration.
func maxFirst(newMax, currentStanding *durationModel) bool {
	if currentStanding == nil {
		return true
	}
	maxSeconds, okMax := durationSeconds(newMax.Time.ValueInt64(), newMax.Unit.ValueString())
	standingSeconds, okStanding := durationSeconds(currentStanding.Time.ValueInt64(), currentStanding.Unit.ValueString())
	return !okMax || !okStanding || maxSeconds.Cmp(standingSeconds) >= 0
}

// boolChanged reports whether a managed value differs from state.
func boolChanged(plan, prior types.Bool) bool {
	return !plan.IsNull() && !plan.Equal(prior)
}

// durationChanged reports whether a managed duration differs from state.
func durationChanged(plan, prior *durationModel) bool {
	return plan != nil && !sameDuration(plan, prior)
}

// unwrittenResult is the state before any PUT of an apply: parts no longer
// managed are dropped, the others keep their prior values until their PUT
// succeeds. If a PUT fails, this is what stays in state for the parts not
// yet written, so that the next plan sends them again.
func unwrittenResult(plan, prior jitSettingsModel, org string) jitSettingsModel {
	result := jitSettingsModel{
		ID:            types.StringValue(org),
		AllowOneParty: types.BoolNull(),
		RequireReason: types.BoolNull(),
	}
	if !plan.AllowOneParty.IsNull() {
		result.AllowOneParty = prior.AllowOneParty
	}
	if !plan.RequireReason.IsNull() {
		result.RequireReason = prior.RequireReason
	}
	if plan.StandingAccessDuration != nil {
		result.StandingAccessDuration = prior.StandingAccessDuration
	}
	if plan.MaxAccessDuration != nil {
		result.MaxAccessDuration = prior.MaxAccessDuration
	}
	if plan.ApprovableDuration != nil {
		result.ApprovableDuration = prior.ApprovableDuration
	}
	return result
}

func (m jitSettingsModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }
