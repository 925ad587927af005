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

// ValidateConfig checks the rules that span attributes; single attributes
// are checked by their schema validators. Unknown values are skipped: they
// are checked again once known.
func (r *routingRuleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateRuleAt(ctx, req.Config, path.Empty(), &resp.Diagnostics)
}

// validateRuleAt checks the rules that span a routing rule's attributes,
// for the rule at the path rule: the root of p0_routing_rule, or one rule
// of p0_routing_workflow. They go with the documents' types: a type P0
// knows beyond them gets the known-values warning and nothing else, since
// what its fields mean is P0's to say.
func validateRuleAt(ctx context.Context, config tfsdk.Config, rule path.Path, diags *diag.Diagnostics) {
	requestor := rule.AtName("requestor")
	if requestorType := framework.StringAt(ctx, config, requestor.AtName("type")); framework.IsKnownValue(requestorType, p0.RequestorTypes) {
		validateRequestor(ctx, config, requestor, requestorType.ValueString(), diags)
	}

	resource := rule.AtName("resource")
	if resourceType := framework.StringAt(ctx, config, resource.AtName("type")); framework.IsKnownValue(resourceType, p0.ResourceTypes) {
		if resourceType.ValueString() == "integration" {
			framework.RequireOrForbid(ctx, config, diags, resource.AtName("service"), true,
				"resource.service is required when resource.type is \"integration\"", "")
		} else {
			for _, name := range []string{"service", "access_type", "filters"} {
				framework.WarnMeaningless(ctx, config, diags, resource.AtName(name),
					fmt.Sprintf("resource.%s has a meaning only when resource.type is \"integration\"", name))
			}
		}
	}
}

// validateRequestor checks a requestor of a known type: a user is named
// by uid, an agentic requestor by its agent and user, and anyone by
// nothing. Fields that name no one of that type only warn (see
// warnMeaningless). That a group is named is checked in the plan (see
// requireGroupNamed), which knows what P0 holds.
func validateRequestor(ctx context.Context, config tfsdk.Config, requestor path.Path, requestorType string, diags *diag.Diagnostics) {
	uid, groups := requestor.AtName("uid"), requestor.AtName("groups")
	switch requestorType {
	case "user":
		framework.RequireOrForbid(ctx, config, diags, uid, true, "requestor.uid is required when requestor.type is \"user\"", "")
	case "any", "agentic":
		framework.WarnMeaningless(ctx, config, diags, uid, "requestor.uid has a meaning only when requestor.type is \"group\" or \"user\"")
	}
	if requestorType != "group" {
		framework.WarnMeaningless(ctx, config, diags, groups, "requestor.groups has a meaning only when requestor.type is \"group\"")
		framework.WarnMeaningless(ctx, config, diags, requestor.AtName("effect"), "requestor.effect has a meaning only when requestor.type is \"group\"")
	}
	for _, name := range []string{"agent", "user"} {
		if requestorType == "agentic" {
			framework.RequireOrForbid(ctx, config, diags, requestor.AtName(name), true,
				fmt.Sprintf("requestor.%s is required when requestor.type is \"agentic\"", name), "")
		} else {
			framework.WarnMeaningless(ctx, config, diags, requestor.AtName(name),
				fmt.Sprintf("requestor.%s has a meaning only when requestor.type is \"agentic\"", name))
		}
	}
}

// requireGroupNamed refuses, at plan time, a group requestor (at the path
// requestor of config) named by neither uid nor groups, unless P0 holds
// the rule's requestor that way itself (held gives it, or nil for a rule
// P0 does not hold yet; it is asked only for such a requestor, since it
// decodes private state): P0's own provider 0.15 and 0.16 named a group by
// directory, id and label, which this provider keeps as P0 holds them
// without modeling them, so such a rule can still be imported, written and
// updated.
func requireGroupNamed(ctx context.Context, config tfsdk.Config, requestor path.Path, held func() *p0.RuleRequestor, diags *diag.Diagnostics) {
	if config.Raw.IsNull() {
		return // destroyed
	}
	uid := requestor.AtName("uid")
	requestorType := framework.StringAt(ctx, config, requestor.AtName("type"))
	if !framework.Known(requestorType) || requestorType.ValueString() != "group" ||
		!framework.IsNull(ctx, config, uid) || !framework.IsNull(ctx, config, requestor.AtName("groups")) {
		return
	}
	if h := held(); h != nil && h.GroupNamedOtherwise() {
		return
	}
	diags.AddAttributeError(uid, "Missing Required Attribute",
		"A requestor of type \"group\" is named by requestor.uid or by requestor.groups: set one of them. "+
			"Only a rule P0 already holds with its group named otherwise (by directory, id and label, as P0's "+
			"provider 0.15 and 0.16 wrote them) may leave both out, once imported.")
}

// heldRequestor is the requestor of held, what P0 held in a rule at the
// last read, for the rule of the configuration named name: nil when P0
// holds nothing the provider does not model in it, or when the rule is
// renamed, which makes it a new rule.
func heldRequestor(held *p0.RoutingRule, name types.String) *p0.RuleRequestor {
	if held == nil || !framework.Known(name) || held.Name != name.ValueString() {
		return nil
	}
	return &held.Requestor
}
