package provider

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// ValidateConfig checks the rules that span attributes; single attributes
// are checked by their schema validators. Unknown values are skipped: they
// are checked again once known.
func (r *routingRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateRuleAt(ctx, req.Config, path.Empty(), resp)
}

// validateRuleAt checks the rules that span a routing rule's attributes,
// for the rule at the path rule: the root of p0_routing_rule, or one rule
// of p0_routing_workflow.
func validateRuleAt(ctx context.Context, config tfsdk.Config, rule path.Path, resp *resource.ValidateConfigResponse) {
	requestorType := stringAt(ctx, config, rule.AtName("requestor").AtName("type"))
	uid := rule.AtName("requestor").AtName("uid")
	if known(requestorType) {
		needsUID := slices.Contains(p0.RequestorTypesWithUID, requestorType.ValueString())
		requireOrForbid(ctx, config, &resp.Diagnostics, uid, needsUID,
			fmt.Sprintf("requestor.uid is required when requestor.type is %q", requestorType.ValueString()),
			"requestor.uid is only allowed when requestor.type is \"group\" or \"user\"")
	}

	resourceType := stringAt(ctx, config, rule.AtName("resource").AtName("type"))
	if known(resourceType) {
		isIntegration := resourceType.ValueString() == "integration"
		requireOrForbid(ctx, config, &resp.Diagnostics, rule.AtName("resource").AtName("service"), isIntegration,
			"resource.service is required when resource.type is \"integration\"",
			"resource.service is only allowed when resource.type is \"integration\"")
		if filters := rule.AtName("resource").AtName("filters"); !isIntegration && isSet[types.Map](ctx, config, filters) {
			resp.Diagnostics.AddAttributeError(filters, "Invalid Attribute Combination",
				"resource.filters is only allowed when resource.type is \"integration\".")
		}
	}
}
