package settings

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// ValidateConfig checks that standing access does not outlast the maximum,
// comparing in seconds so that 90m against 1h is caught. Each duration's
// own time and unit are checked by their schema validators; unknown or
// missing values are skipped here and checked again once known.
func (r *jitSettingsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	standingPath, maxPath := path.Root("standing_access_duration"), path.Root("max_access_duration")
	standing, okStanding := configuredDuration(ctx, req.Config, standingPath)
	maximum, okMax := configuredDuration(ctx, req.Config, maxPath)
	if !okStanding || !okMax {
		return
	}
	standingSeconds, okStanding := durationSeconds(standing.Time, standing.Unit)
	maxSeconds, okMax := durationSeconds(maximum.Time, maximum.Unit)
	if !okStanding || !okMax || standingSeconds.Cmp(maxSeconds) <= 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(standingPath, "Standing Access Longer Than Maximum",
		fmt.Sprintf("standing_access_duration (%s, %s seconds) is longer than max_access_duration (%s, %s seconds). "+
			"P0 does not let standing access outlast the longest access anyone may request: lower "+
			"standing_access_duration or raise max_access_duration.",
			p0.ExpiryKey(standing.Time, standing.Unit), standingSeconds, p0.ExpiryKey(maximum.Time, maximum.Unit), maxSeconds))
}

// configuredDuration reads a duration's time and unit from the
// configuration; ok is false when the duration, its time or its unit is
// null or unknown.
func configuredDuration(ctx context.Context, config tfsdk.Config, p path.Path) (d p0.Duration, ok bool) {
	var time types.Int64
	if diags := config.GetAttribute(ctx, p.AtName("time"), &time); diags.HasError() || time.IsNull() || time.IsUnknown() {
		return p0.Duration{}, false
	}
	unit := framework.StringAt(ctx, config, p.AtName("unit"))
	if !framework.Known(unit) {
		return p0.Duration{}, false
	}
	return p0.Duration{Time: time.ValueInt64(), Unit: unit.ValueString()}, true
}
