package p0_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// BenchmarkRoutingRuleFromWorkflow is the refresh of one rule among 500
// from the shared read of the whole workflow: after the one request, a
// lookup in the index decoded once.
func BenchmarkRoutingRuleFromWorkflow(b *testing.B) {
	ctx := context.Background()
	client, mock := newMockClient(b)
	for i := range 500 {
		mock.PutRoutingRule(p0.RoutingRule{Name: fmt.Sprintf("rule-%03d", i), Requestor: p0.RuleRequestor{Type: "any"},
			Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "auto"}}})
	}
	if _, err := client.RoutingRuleFromWorkflow(ctx, "rule-000"); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		if _, err := client.RoutingRuleFromWorkflow(ctx, fmt.Sprintf("rule-%03d", i%500)); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if n := mock.Count("GET /o/{org}/routing"); n != 1 {
		b.Fatalf("%d reads of the workflow, want 1", n)
	}
}

// BenchmarkAWSItemFromIntegration is the refresh of one installed
// component among 50 from the shared read of the whole integration.
func BenchmarkAWSItemFromIntegration(b *testing.B) {
	ctx := context.Background()
	client, mock := newMockClient(b)
	for i := range 50 {
		mock.SetAWSItem(p0.ComponentInventory, fmt.Sprintf("1000000000%02d", i), p0.AWSItem{State: p0.StateInstalled})
	}
	i := 0
	for b.Loop() {
		if _, err := client.AWSItemFromIntegration(ctx, p0.ComponentInventory, fmt.Sprintf("1000000000%02d", i%50)); err != nil {
			b.Fatal(err)
		}
		i++
	}
	if n := mock.Count("GET /o/{org}/integrations/aws/config"); n != 1 {
		b.Fatalf("%d reads of the integration, want 1", n)
	}
}
