package routing

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// ValidateConfig checks each rule as p0_routing_rule does, and that no two
// rules share a name: P0 addresses rules by name. Unknown names are
// skipped; they are checked again once known.
func (r *routingWorkflowResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var rules types.List
	if diags := req.Config.GetAttribute(ctx, path.Root("rules"), &rules); diags.HasError() || rules.IsUnknown() {
		return
	}
	first := map[string]int{}
	for i := range rules.Elements() {
		rule := path.Root("rules").AtListIndex(i)
		validateRuleAt(ctx, req.Config, rule, &resp.Diagnostics)
		name := framework.StringAt(ctx, req.Config, rule.AtName("name"))
		if !framework.Known(name) {
			continue
		}
		if j, seen := first[name.ValueString()]; seen {
			resp.Diagnostics.AddAttributeError(rule.AtName("name"), "Duplicate Rule Name",
				fmt.Sprintf("Rules %d and %d are both named %q. P0 addresses rules by name, so each rule of the "+
					"workflow needs its own.", j+1, i+1, name.ValueString()))
			continue
		}
		first[name.ValueString()] = i
	}
}

// requireGroupsNamed is requireGroupNamed for each rule of the workflow,
// with what P0 held in the rule of its name (held gives it, nil before the
// workflow's first read).
func requireGroupsNamed(ctx context.Context, config tfsdk.Config, held func() *heldWorkflow, diags *diag.Diagnostics) {
	var rules types.List
	if d := config.GetAttribute(ctx, path.Root("rules"), &rules); d.HasError() || rules.IsNull() || rules.IsUnknown() {
		return
	}
	for i := range rules.Elements() {
		rule := path.Root("rules").AtListIndex(i)
		requireGroupNamed(ctx, config, rule.AtName("requestor"), func() *p0.RuleRequestor {
			name := framework.StringAt(ctx, config, rule.AtName("name"))
			return heldRequestor(held().rule(name), name)
		}, diags)
	}
}
