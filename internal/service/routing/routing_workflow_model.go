package routing

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
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

func (m routingWorkflowResourceModel) Identity() framework.Identity {
	return framework.OrgIdentity{Org: m.ID}
}

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

// rule is what P0 held in the rule named name, or nil: for a name it did
// not hold, an unknown name, or no workflow read yet (h nil).
func (h *heldWorkflow) rule(name types.String) *p0.RoutingRule {
	if h == nil || !framework.Known(name) {
		return nil
	}
	if r, ok := h.Rules[name.ValueString()]; ok {
		return &r
	}
	return nil
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
func (h heldWorkflow) kept(rules []p0.RoutingRule) framework.KeptInPlan {
	_, matched := keepAll(rules, h.Rules)
	kept := framework.KeptInPlan{KeptFields: matched, Gone: "This plan removes or renames the rules that hold them, and a " +
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

// warnUnreadableRules is warnUnreadable for each rule of a workflow that
// holds such values, named by where it stands.
func warnUnreadableRules(diags *diag.Diagnostics, where string, rules []p0.RoutingRule) {
	for _, rule := range rules {
		framework.WarnUnreadable(diags, fmt.Sprintf("rule %q of %s", rule.Name, where), rule.UnreadableFields())
	}
}

// keepAll gives each rule, matched by name, what held keeps of it; it also
// says what, with each field's path prefixed by its rule.
func keepAll(rules []p0.RoutingRule, held map[string]p0.RoutingRule) ([]p0.RoutingRule, p0.KeptFields) {
	var all p0.KeptFields
	out := make([]p0.RoutingRule, len(rules))
	for i, rule := range rules {
		previous, ok := held[rule.Name]
		if !ok {
			out[i] = rule
			continue
		}
		var kept p0.KeptFields
		out[i], kept = p0.KeepUnmanaged(rule, previous)
		prefix := fmt.Sprintf("rule %q ", rule.Name)
		all.Kept = append(all.Kept, prefixed(prefix, kept.Kept)...)
		all.Dropped = append(all.Dropped, prefixed(prefix, kept.Dropped)...)
	}
	return out, all
}

func prefixed(prefix string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = prefix + p
	}
	return out
}
