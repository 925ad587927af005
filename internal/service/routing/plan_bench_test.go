package routing

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The provider's share of a no-change plan, measured at the protocol, as
// Terraform calls it: for each resource, ValidateResourceConfig, then
// ReadResource (the refresh, with the private state the last one left) and
// PlanResourceChange. The framework decodes
// and walks every value of the configuration, the state and the plan in
// these calls, so their cost grows with the size of the values; these
// benchmarks show it per operation, with allocations, beside the one read
// of the mock on loopback that serves every refresh.

// BenchmarkWorkflowPlan is the provider's share of a no-change plan of one
// p0_routing_workflow of 500 rules.
func BenchmarkWorkflowPlan(b *testing.B) {
	mock, url := acctest.BenchMock(b)
	rules := make([]p0.RoutingRule, acctest.PlanBenchRules)
	for i := range rules {
		rules[i] = acctest.Fleet{}.Rule(i)
	}
	for _, rule := range rules {
		mock.PutRoutingRule(rule)
	}
	server := acctest.PlanServer(b, url)
	typ, state := acctest.ResourceValue(b, &routingWorkflowResource{}, workflowResourceModel(acctest.TestOrg, rules))
	config := acctest.WithNullID(b, state)
	state, private := acctest.Refreshed(b, server, "p0_routing_workflow", typ, state)

	b.ReportAllocs()
	for b.Loop() {
		acctest.PlanOnce(b, server, "p0_routing_workflow", typ, config, state, private)
	}
}

// BenchmarkRoutingRulePlan is the provider's share of a no-change plan of
// one p0_routing_rule, of the richest shape; a plan of 500 makes it 500
// times.
func BenchmarkRoutingRulePlan(b *testing.B) {
	mock, url := acctest.BenchMock(b)
	rule := acctest.Fleet{}.Rule(1)
	mock.PutRoutingRule(rule)
	server := acctest.PlanServer(b, url)
	typ, state := acctest.ResourceValue(b, &routingRuleResource{}, modelFromRule(rule))
	config := acctest.WithNullID(b, state)
	state, private := acctest.Refreshed(b, server, "p0_routing_rule", typ, state)

	b.ReportAllocs()
	for b.Loop() {
		acctest.PlanOnce(b, server, "p0_routing_rule", typ, config, state, private)
	}
}
