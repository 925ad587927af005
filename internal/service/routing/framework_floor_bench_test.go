package routing

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The framework's floor: the same no-change plans as BenchmarkWorkflowPlan
// and BenchmarkRoutingRulePlan, through a provider whose resources have the
// real schemas (attributes, custom types, defaults, validators and plan
// modifiers; not the identity) and no code of their own: no request, no cross-attribute
// validation, no plan modification, a refresh that keeps the state. What
// these cost is what terraform-plugin-framework spends on the schema alone;
// the difference to the real benchmarks is the provider's own code.

// BenchmarkFrameworkFloorWorkflowPlan is BenchmarkWorkflowPlan's plan with
// the schema alone.
func BenchmarkFrameworkFloorWorkflowPlan(b *testing.B) {
	rules := make([]p0.RoutingRule, acctest.PlanBenchRules)
	for i := range rules {
		rules[i] = acctest.Fleet{}.Rule(i)
	}
	server := acctest.SchemaOnlyServer(b, NewRoutingWorkflowResource())
	typ, state := acctest.ResourceValue(b, &routingWorkflowResource{}, workflowResourceModel(acctest.TestOrg, rules))
	config := acctest.WithNullID(b, state)

	b.ReportAllocs()
	for b.Loop() {
		acctest.PlanOnce(b, server, "p0_routing_workflow", typ, config, state, nil)
	}
}

// BenchmarkFrameworkFloorRoutingRulePlan is BenchmarkRoutingRulePlan's plan
// with the schema alone.
func BenchmarkFrameworkFloorRoutingRulePlan(b *testing.B) {
	server := acctest.SchemaOnlyServer(b, NewRoutingRuleResource())
	typ, state := acctest.ResourceValue(b, &routingRuleResource{}, modelFromRule(acctest.Fleet{}.Rule(1)))
	config := acctest.WithNullID(b, state)

	b.ReportAllocs()
	for b.Loop() {
		acctest.PlanOnce(b, server, "p0_routing_rule", typ, config, state, nil)
	}
}
