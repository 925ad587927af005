package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The framework's floor: the same no-change plans as BenchmarkWorkflowPlan
// and BenchmarkRoutingRulePlan, through a provider whose resources have the
// real schemas (attributes, custom types, defaults, validators and plan
// modifiers; not the identity) and no code of their own: no request, no cross-attribute
// validation, no plan modification, a refresh that keeps the state. What
// these cost is what terraform-plugin-framework spends on the schema alone;
// the difference to the real benchmarks is the provider's own code.

// schemaOnlyResource is r's type name and schema, with nothing behind them.
type schemaOnlyResource struct{ real resource.Resource }

func (r schemaOnlyResource) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	r.real.Metadata(ctx, req, resp)
}

func (r schemaOnlyResource) Schema(ctx context.Context, req resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.real.Schema(ctx, req, resp)
}

func (schemaOnlyResource) Create(context.Context, resource.CreateRequest, *resource.CreateResponse) {}

// Read keeps the state, as the framework leaves it when Read sets nothing.
func (schemaOnlyResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

func (schemaOnlyResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {}

func (schemaOnlyResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}

// schemaOnlyProvider serves schemaOnlyResource for each of resources.
type schemaOnlyProvider struct{ resources []resource.Resource }

func (schemaOnlyProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "p0"
}

func (schemaOnlyProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (schemaOnlyProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p schemaOnlyProvider) Resources(context.Context) []func() resource.Resource {
	var constructors []func() resource.Resource
	for _, r := range p.resources {
		constructors = append(constructors, func() resource.Resource { return schemaOnlyResource{real: r} })
	}
	return constructors
}

func (schemaOnlyProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

// schemaOnlyServer is a configured server of schemaOnlyProvider.
func schemaOnlyServer(b *testing.B, resources ...resource.Resource) tfprotov6.ProviderServer {
	b.Helper()
	ctx := context.Background()
	server := providerserver.NewProtocol6(schemaOnlyProvider{resources: resources})()
	if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		b.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{})
	if err != nil || diagnosticsFail(resp.Diagnostics) {
		b.Fatalf("configuring the provider: %v %v", err, diagnosticsText(resp.Diagnostics))
	}
	return server
}

// BenchmarkFrameworkFloorWorkflowPlan is BenchmarkWorkflowPlan's plan with
// the schema alone.
func BenchmarkFrameworkFloorWorkflowPlan(b *testing.B) {
	rules := make([]p0.RoutingRule, planBenchRules)
	for i := range rules {
		rules[i] = fleet{}.rule(i)
	}
	server := schemaOnlyServer(b, NewRoutingWorkflowResource())
	typ, state := resourceValue(b, &routingWorkflowResource{}, workflowResourceModel(testOrg, rules))
	config := withNullID(b, state)

	b.ReportAllocs()
	for b.Loop() {
		planOnce(b, server, "p0_routing_workflow", typ, config, state, nil)
	}
}

// BenchmarkFrameworkFloorRoutingRulePlan is BenchmarkRoutingRulePlan's plan
// with the schema alone.
func BenchmarkFrameworkFloorRoutingRulePlan(b *testing.B) {
	server := schemaOnlyServer(b, NewRoutingRuleResource())
	typ, state := resourceValue(b, &routingRuleResource{}, modelFromRule(fleet{}.rule(1)))
	config := withNullID(b, state)

	b.ReportAllocs()
	for b.Loop() {
		planOnce(b, server, "p0_routing_rule", typ, config, state, nil)
	}
}
