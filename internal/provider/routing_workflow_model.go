package provider

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingWorkflowResourceModel is p0_routing_workflow's state.
type routingWorkflowResourceModel struct {
	ID    types.String        `tfsdk:"id"`
	Rules []routingRuleFields `tfsdk:"rules"`
}

// rulesFromWorkflowModel is the rule list to save, in the configured order.
// It is never nil, so that no rules encodes as [].
func rulesFromWorkflowModel(m routingWorkflowResourceModel) []p0.RoutingRule {
	rules := make([]p0.RoutingRule, 0, len(m.Rules))
	for _, fields := range m.Rules {
		rules = append(rules, ruleFromFields(fields))
	}
	return rules
}

// workflowResourceModel is the state for org's workflow holding rules, in
// P0's order; no rules is [], never null, as the configuration says it.
func workflowResourceModel(org string, rules []p0.RoutingRule) routingWorkflowResourceModel {
	m := routingWorkflowResourceModel{ID: types.StringValue(org), Rules: make([]routingRuleFields, 0, len(rules))}
	for _, rule := range rules {
		m.Rules = append(m.Rules, fieldsFromRule(rule))
	}
	return m
}

func (m routingWorkflowResourceModel) identity() identity { return orgIdentity{Org: m.ID} }

// heldWorkflow is what P0 holds in the workflow that the provider does not
// model: the workflow's own fields, and the rules that hold any, whole, by
// name (see unmanaged.go).
type heldWorkflow struct {
	Fields p0.Unmanaged              `json:"fields,omitempty"`
	Rules  map[string]p0.RoutingRule `json:"rules,omitempty"`
}

// heldIn is what workflow holds that the provider does not model.
func heldIn(workflow p0.Workflow) heldWorkflow {
	held := heldWorkflow{Fields: workflow.Unmanaged}
	for _, rule := range workflow.Rules {
		if rule.HasUnmanaged() {
			if held.Rules == nil {
				held.Rules = map[string]p0.RoutingRule{}
			}
			held.Rules[rule.Name] = rule
		}
	}
	return held
}

func (h heldWorkflow) HasUnmanaged() bool { return len(h.Fields) > 0 || len(h.Rules) > 0 }

// workflow is the workflow to save with rules: each rule with what P0
// held in the rule of its name, and the workflow's own fields. No rules
// are saved as [], never null.
func (h heldWorkflow) workflow(rules []p0.RoutingRule) p0.Workflow {
	rules, _ = keepAll(rules, h.Rules)
	return p0.Workflow{Rules: rules, Unmanaged: h.Fields}
}

// kept says what a save of rules keeps of what P0 holds, and what not: the
// fields of a rule the save leaves out (removed, or renamed: rules are
// matched by name) go with it.
func (h heldWorkflow) kept(rules []p0.RoutingRule) keptInPlan {
	_, matched := keepAll(rules, h.Rules)
	kept := keptInPlan{KeptFields: matched, Gone: "This plan removes or renames the rules that hold them, and a " +
		"renamed rule holds only what the configuration says."}
	for _, name := range slices.Sorted(maps.Keys(h.Fields)) {
		kept.Kept = append(kept.Kept, "workflow."+name)
	}
	for _, name := range slices.Sorted(maps.Keys(h.Rules)) {
		if !slices.ContainsFunc(rules, func(rule p0.RoutingRule) bool { return rule.Name == name }) {
			kept.Replaced = append(kept.Replaced, prefixed(fmt.Sprintf("rule %q ", name), h.Rules[name].UnmanagedFields())...)
		}
	}
	return kept
}
