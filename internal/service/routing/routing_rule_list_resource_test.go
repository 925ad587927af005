package routing

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// TestListLimit lists the routing rules of an organization of five with a
// query's limit of two: the list stops after two, the first two in
// evaluation order.
func TestListLimit(t *testing.T) {
	env := acctest.NewTestEnv(t)
	for i := range 5 {
		env.Mock.PutRoutingRule(acctest.Fleet{}.Rule(i))
	}
	l := &routingRuleListResource{framework.ResourceBase{Base: framework.Base{TypeName: "routing_rule", Client: env.Client(t)}}}
	results := acctest.CollectList(t, l, &routingRuleResource{}, 2, false)
	rules := env.Mock.RoutingRules()
	if len(results) != 2 {
		t.Fatalf("got %d results, want 2", len(results))
	}
	for i, result := range results {
		if result.Diagnostics.HasError() || result.DisplayName != rules[i].Name {
			t.Errorf("result %d = %q (%v), want %q", i, result.DisplayName, result.Diagnostics, rules[i].Name)
		}
	}
}
