package routing

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// BenchmarkRoutingRuleRead measures the refresh of one routing rule, the
// provider's share of every plan, as Terraform asks for it: the prior
// state and private state in, the state out, from the one read of the
// routing that every refresh of an operation shares. Its allocations per
// operation show what the provider's code adds to the framework's own work
// (see the Benchmark section of the README for the whole-Terraform
// figures).
func BenchmarkRoutingRuleRead(b *testing.B) {
	ctx := context.Background()
	mock := p0mock.New(acctest.TestOrg, acctest.TestToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		b.Fatalf("starting mock P0 API: %v", err)
	}
	b.Cleanup(func() { _ = mock.Close() })
	// The richest shape of fleet rule: filters, approval options.
	rule := acctest.Fleet{}.Rule(1)
	mock.PutRoutingRule(rule)
	server := acctest.PlanServer(b, url)
	typ, state := acctest.ResourceValue(b, &routingRuleResource{}, modelFromRule(rule))
	state, private := acctest.Refreshed(b, server, "p0_routing_rule", typ, state)
	stateValue, err := tfprotov6.NewDynamicValue(typ, state)
	if err != nil {
		b.Fatal(err)
	}

	b.ReportAllocs()
	for b.Loop() {
		read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: "p0_routing_rule", CurrentState: &stateValue, Private: private})
		if err != nil || acctest.DiagnosticsFail(read.Diagnostics) {
			b.Fatalf("ReadResource: %v %s", err, acctest.DiagnosticsText(read.Diagnostics))
		}
		if got, err := read.NewState.Unmarshal(typ); err != nil || !got.Equal(state) {
			b.Fatal("the refresh changed the state of a rule that did not change")
		}
	}
}
