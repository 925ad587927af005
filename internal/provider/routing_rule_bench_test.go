package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// BenchmarkRoutingRuleRead measures the refresh of one routing rule, the
// provider's share of every plan: decoding what it needs from the prior
// state, one GET from the mock on loopback, and the new state. Its
// allocations per operation show what the provider's code adds to the
// framework's own work (see the Benchmark section of the README for the
// whole-Terraform figures).
func BenchmarkRoutingRuleRead(b *testing.B) {
	ctx := context.Background()
	mock := p0mock.New(testOrg, testToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		b.Fatalf("starting mock P0 API: %v", err)
	}
	b.Cleanup(func() { _ = mock.Close() })
	// The richest shape of fleet rule: filters, approval options.
	rule := fleet{}.rule(1)
	mock.PutRoutingRule(rule)

	client, err := p0.NewClient(p0.Config{Host: url, Org: testOrg, Token: testToken})
	if err != nil {
		b.Fatal(err)
	}
	r := &routingRuleResource{}
	r.client = client

	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	prior := tfsdk.State{
		Schema: schemaResp.Schema,
		Raw:    tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil),
	}
	if diags := prior.Set(ctx, modelFromRule(rule)); diags.HasError() {
		b.Fatalf("building the prior state: %v", diags)
	}

	b.ReportAllocs()
	for b.Loop() {
		resp := resource.ReadResponse{State: prior}
		r.Read(ctx, resource.ReadRequest{State: prior}, &resp)
		if resp.Diagnostics.HasError() {
			b.Fatalf("Read: %v", resp.Diagnostics)
		}
		if !resp.State.Raw.Equal(prior.Raw) {
			b.Fatal("Read changed the state of a rule that did not change")
		}
	}
}
