package settings

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// P0's own provider, published under the same address, serves the three
// access durations as p0_access_durations (schema version 0, no id, no
// read). A moved block takes it over into p0_jit_settings, whose
// durations they are; the approval defaults, which it does not manage,
// stay unmanaged. The organization id is the provider's, which the first
// refresh fills in.

const p0AccessDurations = "p0_access_durations"

var _ resource.ResourceWithMoveState = (*jitSettingsResource)(nil)

func (r *jitSettingsResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MovedFrom(p0AccessDurations, 0, func(state map[string]any, _ int64) {
		moved := map[string]any{
			"standing_access_duration": state["standing_access"],
			"max_access_duration":      state["max_access"],
			"approvable_duration":      state["approvable"],
		}
		clear(state)
		maps.Copy(state, moved)
	})}
}
