package acctest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// PlanBenchRules is the size of the routing the benchmarks plan.
const PlanBenchRules = 500

// PlanServer is a configured provider server for org's mock at url.
func PlanServer(b *testing.B, url string) tfprotov6.ProviderServer {
	b.Helper()
	ctx := context.Background()
	server := providerserver.NewProtocol6(newProvider(func(*p0.Config) {})())()
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
	settings["org"] = tftypes.NewValue(tftypes.String, TestOrg)
	settings["api_token"] = tftypes.NewValue(tftypes.String, TestToken)
	settings["host"] = tftypes.NewValue(tftypes.String, url)
	config, err := tfprotov6.NewDynamicValue(providerType, tftypes.NewValue(providerType, settings))
	if err != nil {
		b.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: &config})
	if err != nil || DiagnosticsFail(resp.Diagnostics) {
		b.Fatalf("configuring the provider: %v %v", err, DiagnosticsText(resp.Diagnostics))
	}
	return server
}

// BenchMock is a running mock of the test organization, closed with b.
func BenchMock(b *testing.B) (*p0mock.Server, string) {
	b.Helper()
	mock := p0mock.New(TestOrg, TestToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = mock.Close() })
	return mock, url
}

// DiagnosticsText shows diagnostics in a failure.
func DiagnosticsText(diagnostics []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diagnostics {
		fmt.Fprintf(&b, "%s: %s: %s; ", d.Severity, d.Summary, d.Detail)
	}
	return b.String()
}

func DiagnosticsFail(diagnostics []*tfprotov6.Diagnostic) bool {
	for _, d := range diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// ResourceValue encodes a model as the state of a resource of schema r.
func ResourceValue(b *testing.B, r resource.Resource, model any) (tftypes.Type, tftypes.Value) {
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

// WithNullID is value, an object, with its id null, as the configuration
// gives a computed id.
func WithNullID(b *testing.B, value tftypes.Value) tftypes.Value {
	b.Helper()
	var attributes map[string]tftypes.Value
	if err := value.As(&attributes); err != nil {
		b.Fatal(err)
	}
	attributes["id"] = tftypes.NewValue(tftypes.String, nil)
	return tftypes.NewValue(value.Type(), attributes)
}

// PlanOnce runs the three calls of a no-change plan of one resource, whose
// state and private state are what the last refresh left.
func PlanOnce(b *testing.B, server tfprotov6.ProviderServer, typeName string, typ tftypes.Type, config, state tftypes.Value, private []byte) {
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
	if err != nil || DiagnosticsFail(validated.Diagnostics) {
		b.Fatalf("ValidateResourceConfig: %v %v", err, DiagnosticsText(validated.Diagnostics))
	}
	read, err := server.ReadResource(ctx, &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &stateValue, Private: private})
	if err != nil || DiagnosticsFail(read.Diagnostics) {
		b.Fatalf("ReadResource: %v %v", err, DiagnosticsText(read.Diagnostics))
	}
	planned, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: typeName,
		Config: &configValue, PriorState: read.NewState, ProposedNewState: read.NewState, PriorPrivate: read.Private})
	if err != nil || DiagnosticsFail(planned.Diagnostics) {
		b.Fatalf("PlanResourceChange: %v %v", err, DiagnosticsText(planned.Diagnostics))
	}
	if len(planned.RequiresReplace) > 0 {
		b.Fatal("the plan replaces the resource")
	}
}

// Refreshed is the state and private state of a first refresh of state,
// as the plans after it start from.
func Refreshed(b *testing.B, server tfprotov6.ProviderServer, typeName string, typ tftypes.Type, state tftypes.Value) (tftypes.Value, []byte) {
	b.Helper()
	stateValue, err := tfprotov6.NewDynamicValue(typ, state)
	if err != nil {
		b.Fatal(err)
	}
	read, err := server.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{TypeName: typeName, CurrentState: &stateValue})
	if err != nil || DiagnosticsFail(read.Diagnostics) {
		b.Fatalf("ReadResource: %v %v", err, DiagnosticsText(read.Diagnostics))
	}
	newState, err := read.NewState.Unmarshal(typ)
	if err != nil {
		b.Fatal(err)
	}
	return newState, read.Private
}

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

// SchemaOnlyServer is a configured server of schemaOnlyProvider.
func SchemaOnlyServer(b *testing.B, resources ...resource.Resource) tfprotov6.ProviderServer {
	b.Helper()
	ctx := context.Background()
	server := providerserver.NewProtocol6(schemaOnlyProvider{resources: resources})()
	if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		b.Fatal(err)
	}
	resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{})
	if err != nil || DiagnosticsFail(resp.Diagnostics) {
		b.Fatalf("configuring the provider: %v %v", err, DiagnosticsText(resp.Diagnostics))
	}
	return server
}
