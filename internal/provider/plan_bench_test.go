package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// The provider's share of a no-change plan, measured at the protocol, as
// Terraform calls it: for each resource, ValidateResourceConfig, then
// ReadResource (the refresh, with the private state the last one left) and
// PlanResourceChange. The framework decodes
// and walks every value of the configuration, the state and the plan in
// these calls, so their cost grows with the size of the values; these
// benchmarks show it per operation, with allocations, beside the one read
// of the mock on loopback that serves every refresh.

// planBenchRules is the size of the routing the benchmarks plan.
const planBenchRules = 500

// planServer is a configured provider server for org's mock at url.
func planServer(b *testing.B, url string) tfprotov6.ProviderServer {
	b.Helper()
	ctx := context.Background()
	server := providerserver.NewProtocol6(New("bench", "bench")())()
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	providerType, ok := schemas.Provider.ValueType().(tftypes.Object)
	if !ok {
		b.Fatalf("the provider's schema is a %T", schemas.Provider.ValueType())
	}
	settings := map[string]tftypes.Value{}
	for name, typ := range providerType.AttributeTypes {
		settings[name] = tftypes.NewValue(typ, nil)
	}
	settings["org"] = tftypes.NewValue(tftypes.String, testOrg)
	settings["api_token"] = tftypes.NewValue(tftypes.String, testToken)
	settings["host"] = tftypes.NewValue(tftypes.String, url)
	config, err := tfprotov6.NewDynamicValue(providerType, tftypes.NewValue(providerType, settings))
	if err != nil {
		b.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &config})
	if err != nil || diagnosticsFail(resp.Diagnostics) {
		b.Fatalf("configuring the provider: %v %v", err, diagnosticsText(resp.Diagnostics))
	}
	return server
}

// benchMock is a running mock of the test organization, closed with b.
func benchMock(b *testing.B) (*p0mock.Server, string) {
	b.Helper()
	mock := p0mock.New(testOrg, testToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = mock.Close() })
	return mock, url
}

// diagnosticsText shows diagnostics in a failure.
func diagnosticsText(diagnostics []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diagnostics {
		fmt.Fprintf(&b, "%s: %s: %s; ", d.Severity, d.Summary, d.Detail)
	}
	return b.String()
}

func diagnosticsFail(diagnostics []*tfprotov6.Diagnostic) bool {
	for _, d := range diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// resourceValue encodes a model as the state of a resource of schema r.
func resourceValue(b *testing.B, r resource.Resource, model any) (tftypes.Type, tftypes.Value) {
	b.Helper()
	ctx := context.Background()
	var schemaResp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &schemaResp)
	typ := schemaResp.Schema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: schemaResp.Schema, Raw: tftypes.NewValue(typ, nil)}
	if diags := state.Set(ctx, model); diags.HasError() {
		b.Fatalf("encoding the state: %v", diags)
	}
	return typ, state.Raw
}

// withNullID is value, an object, with its id null, as the configuration
// gives a computed id.
func withNullID(b *testing.B, value tftypes.Value) tftypes.Value {
	b.Helper()
	var attributes map[string]tftypes.Value
	if err := value.As(&attributes); err != nil {
		b.Fatal(err)
	}
	attributes["id"] = tftypes.NewValue(tftypes.String, nil)
	return tftypes.NewValue(value.Type(), attributes)
}

// planOnce runs the three calls of a no-change plan of one resource, whose
// state and private state are what the last refresh left.
func planOnce(b *testing.B, server tfprotov6.ProviderServer, typeName string, typ tftypes.Type, config, state tftypes.Value, private []byte) {
	ctx := context.Background()
	configValue, err := tfprotov6.NewDynamicValue(typ, config)
	if err != nil {
		b.Fatal(err)
	}
	stateValue, err := tfprotov6.NewDynamicValue(typ, state)
	if err != nil {
		b.Fatal(err)
	}
	validated, err := server.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: typeName, Config: &configValue})
	if err != nil || diagnosticsFail(validated.Diagnostics) {
		b.Fatalf("ValidateResourceConfig: %v %v", err, diagnosticsText(validated.Diagnostics))
	}
	read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &stateValue, Private: private})
	if err != nil || diagnosticsFail(read.Diagnostics) {
		b.Fatalf("ReadResource: %v %v", err, diagnosticsText(read.Diagnostics))
	}
	planned, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
		Config: &configValue, PriorState: read.NewState, ProposedNewState: read.NewState, PriorPrivate: read.Private})
	if err != nil || diagnosticsFail(planned.Diagnostics) {
		b.Fatalf("PlanResourceChange: %v %v", err, diagnosticsText(planned.Diagnostics))
	}
	if len(planned.RequiresReplace) > 0 {
		b.Fatal("the plan replaces the resource")
	}
}

// refreshed is the state and private state of a first refresh of state,
// as the plans after it start from.
func refreshed(b *testing.B, server tfprotov6.ProviderServer, typeName string, typ tftypes.Type, state tftypes.Value) (tftypes.Value, []byte) {
	b.Helper()
	stateValue, err := tfprotov6.NewDynamicValue(typ, state)
	if err != nil {
		b.Fatal(err)
	}
	read, err := server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &stateValue})
	if err != nil || diagnosticsFail(read.Diagnostics) {
		b.Fatalf("ReadResource: %v %v", err, diagnosticsText(read.Diagnostics))
	}
	newState, err := read.NewState.Unmarshal(typ)
	if err != nil {
		b.Fatal(err)
	}
	return newState, read.Private
}

// BenchmarkWorkflowPlan is the provider's share of a no-change plan of one
// p0_routing_workflow of 500 rules.
func BenchmarkWorkflowPlan(b *testing.B) {
	mock, url := benchMock(b)
	rules := make([]p0.RoutingRule, planBenchRules)
	for i := range rules {
		rules[i] = fleet{}.rule(i)
	}
	for _, rule := range rules {
		mock.PutRoutingRule(rule)
	}
	server := planServer(b, url)
	typ, state := resourceValue(b, &routingWorkflowResource{}, workflowResourceModel(testOrg, rules))
	config := withNullID(b, state)
	state, private := refreshed(b, server, "p0_routing_workflow", typ, state)

	b.ReportAllocs()
	for b.Loop() {
		planOnce(b, server, "p0_routing_workflow", typ, config, state, private)
	}
}

// BenchmarkRoutingRulePlan is the provider's share of a no-change plan of
// one p0_routing_rule, of the richest shape; a plan of 500 makes it 500
// times.
func BenchmarkRoutingRulePlan(b *testing.B) {
	mock, url := benchMock(b)
	rule := fleet{}.rule(1)
	mock.PutRoutingRule(rule)
	server := planServer(b, url)
	typ, state := resourceValue(b, &routingRuleResource{}, modelFromRule(rule))
	config := withNullID(b, state)
	state, private := refreshed(b, server, "p0_routing_rule", typ, state)

	b.ReportAllocs()
	for b.Loop() {
		planOnce(b, server, "p0_routing_rule", typ, config, state, private)
	}
}
