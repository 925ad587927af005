package settings

import (
	"context"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Pieces shared by the JIT settings resources: the { time, unit, value }
// shape of a duration, its validation and comparison, and the handling of
// the settings reads that P0's documents do not describe.

// unitList is the allowed units for descriptions: `s`, `m`, `h`, `d`, `w`.
var unitList = framework.CodeList(p0.DurationUnits)

// durationModel is a { time, unit, value } object.
type durationModel struct {
	Time  types.Int64  `tfsdk:"time"`
	Unit  types.String `tfsdk:"unit"`
	Value types.String `tfsdk:"value"`
}

// durationFromModel is the API's request body for a configured duration.
func durationFromModel(m durationModel) p0.Duration {
	return p0.Duration{Time: m.Time.ValueInt64(), Unit: m.Unit.ValueString()}
}

// modelFromDuration maps a duration P0 returned; a missing display text is
// null rather than "".
func modelFromDuration(d p0.Duration) *durationModel {
	return &durationModel{
		Time:  types.Int64Value(d.Time),
		Unit:  types.StringValue(d.Unit),
		Value: framework.OptionalString(d.Value),
	}
}

// modelFromDurationOrNil maps a duration P0 read, nil for one never set.
func modelFromDurationOrNil(d *p0.Duration) *durationModel {
	if d == nil {
		return nil
	}
	return modelFromDuration(*d)
}

// sameDuration reports whether two configured durations have the same time
// and unit; the display text does not count. Both nil is the same.
func sameDuration(a, b *durationModel) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Time.Equal(b.Time) && a.Unit.Equal(b.Unit)
}

// durationSeconds is time × unit in seconds. It uses big integers because
// time has no upper bound in the API, and 2^63 seconds of weeks overflow.
// ok is false for an unknown unit.
func durationSeconds(time int64, unit string) (seconds *big.Int, ok bool) {
	factor, ok := p0.UnitLength(unit)
	if !ok {
		return nil, false
	}
	return new(big.Int).Mul(big.NewInt(time), big.NewInt(factor)), true
}

// durationTimeAttribute is a duration's `time`. Extra plan modifiers let
// p0_expiry_option force replacement.
func durationTimeAttribute(description string, modifiers ...planmodifier.Int64) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description + " A whole number, at least `1`.",
		Required:            true,
		Validators:          []validator.Int64{int64validator.AtLeast(1)},
		PlanModifiers:       modifiers,
	}
}

// durationUnitAttribute is a duration's `unit`.
func durationUnitAttribute(description string, modifiers ...planmodifier.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description + " One of " + unitList + " (seconds, minutes, hours, days, weeks).",
		Required:            true,
		Validators:          []validator.String{stringvalidator.OneOf(p0.DurationUnits...)},
		PlanModifiers:       modifiers,
	}
}

// durationValueAttribute is a duration's computed display text.
func durationValueAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{keepValueWhileUnchanged},
	}
}

// durationAttributes are the attributes of a nested duration object.
func durationAttributes(valueDescription string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"time":  durationTimeAttribute("How many `unit`s the duration lasts."),
		"unit":  durationUnitAttribute("The unit of `time`."),
		"value": durationValueAttribute(valueDescription),
	}
}

// keepValueWhileDurationUnchanged plans the display text: the value in state
// while `time` and `unit` beside it stay the same, unknown once either
// changes (P0 then writes a new text). UseStateForUnknown cannot tell the
// two apart inside a nested object whose sibling changed.
type keepValueWhileDurationUnchanged struct{ framework.Described }

var keepValueWhileUnchanged = keepValueWhileDurationUnchanged{
	"Keeps the display text from state while the duration's time and unit do not change."}

func (keepValueWhileDurationUnchanged) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.State.Raw.IsNull() || !req.PlanValue.IsUnknown() || req.ConfigValue.IsUnknown() {
		return
	}
	parent := req.Path.ParentPath()
	for _, name := range []string{"time", "unit"} {
		var planned, prior attr.Value
		p := parent.AtName(name)
		if d := req.Plan.GetAttribute(ctx, p, &planned); d.HasError() {
			return
		}
		if d := req.State.GetAttribute(ctx, p, &prior); d.HasError() {
			return
		}
		if planned.IsUnknown() || !planned.Equal(prior) {
			return
		}
	}
	resp.PlanValue = req.StateValue
}
