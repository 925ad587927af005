package provider

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingWorkflowResourceModel is p0_routing_workflow's state.
type routingWorkflowResourceModel struct {
	ID   types.String        `tfsdk:"id"`
	Rule []routingRuleFields `tfsdk:"rule"`
}

// rulesFromWorkflowModel is the rule list to save, in the configured order.
// It is never nil, so that no rules encodes as [].
func rulesFromWorkflowModel(m routingWorkflowResourceModel) []p0.RoutingRule {
	rules := make([]p0.RoutingRule, 0, len(m.Rule))
	for _, fields := range m.Rule {
		rules = append(rules, ruleFromFields(fields))
	}
	return rules
}

// workflowResourceModel is the state for org's workflow holding rules, in
// P0's order.
func workflowResourceModel(org string, rules []p0.RoutingRule) routingWorkflowResourceModel {
	m := routingWorkflowResourceModel{ID: types.StringValue(org)}
	for _, rule := range rules {
		m.Rule = append(m.Rule, fieldsFromRule(rule))
	}
	return m
}

func (m routingWorkflowResourceModel) identity() identity { return orgIdentity{Org: m.ID} }
