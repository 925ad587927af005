package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What every resource, data source, ephemeral resource, list resource and
// action shares: its type name, the API client the provider hands over in
// Configure, the opening of each operation, and its time limit.

// Base is what every object shares: its type name, the API client and the
// provider's version. Each kind of object embeds the variant with its
// kind's Metadata and Configure methods.
type Base struct {
	// typeName is the object's name under the provider's: "routing_rule"
	// for p0_routing_rule.
	TypeName string
	Client   *p0.Client
	// version is the provider's, which mapped P0's answers to the states
	// that record it (see readDigest).
	version string
}

// ProviderData is what the provider hands every object it serves.
type ProviderData struct {
	Client  *p0.Client
	Version string
}

// Named is the base of the object called typeName under the provider.
func Named(typeName string) Base {
	return Base{TypeName: typeName}
}

// ResourceNamed, DataSourceNamed, EphemeralNamed and ActionNamed are the
// bases of the object called typeName, of each kind; a list resource
// takes its resource's.
func ResourceNamed(typeName string) ResourceBase     { return ResourceBase{Base: Named(typeName)} }
func DataSourceNamed(typeName string) DataSourceBase { return DataSourceBase{Base: Named(typeName)} }
func EphemeralNamed(typeName string) EphemeralBase   { return EphemeralBase{Base: Named(typeName)} }
func ActionNamed(typeName string) ActionBase         { return ActionBase{Base: Named(typeName)} }

// fullName is the object's type name as Terraform knows it.
func (b Base) fullName(providerTypeName string) string {
	return providerTypeName + "_" + b.TypeName
}

// configure takes the client and the version from ProviderData. Before the
// provider is configured (the framework calls Configure early, with no
// data) the client stays nil, and begin reports it.
func (w *Base) configure(data any, diags *diag.Diagnostics) {
	if data == nil {
		return
	}
	given, ok := data.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return
	}
	w.Client, w.version = given.Client, given.Version
}

// ResourceBase is embedded by every resource, and by every list resource,
// whose Metadata and Configure take the same requests as its resource's.
type ResourceBase struct{ Base }

func (r *ResourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.fullName(req.ProviderTypeName)
}

func (r *ResourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// DataSourceBase is embedded by every data source.
type DataSourceBase struct{ Base }

func (d *DataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.fullName(req.ProviderTypeName)
}

func (d *DataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

// EphemeralBase is embedded by every ephemeral resource.
type EphemeralBase struct{ Base }

func (e *EphemeralBase) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = e.fullName(req.ProviderTypeName)
}

func (e *EphemeralBase) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.configure(req.ProviderData, &resp.Diagnostics)
}

// ActionBase is embedded by every action.
type ActionBase struct{ Base }

func (a *ActionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = a.fullName(req.ProviderTypeName)
}

func (a *ActionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}

// Progress tells the user, while an action runs, what it is doing.
func Progress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// Decodable is a plan, state or configuration: what an operation decodes
// its model from.
type Decodable interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// AttributeOf decodes one attribute of a plan, state or configuration, for
// an operation that needs no more.
type AttributeOf struct {
	Data interface {
		GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
	}
	Path path.Path
}

func (a AttributeOf) Get(ctx context.Context, target any) diag.Diagnostics {
	return a.Data.GetAttribute(ctx, a.Path, target)
}

// Operation is one run of an object's method: where its diagnostics go,
// and the summary ("Unable to Create Routing Rule") of the errors it
// reports.
type Operation struct {
	Diags   *diag.Diagnostics
	Summary string
}

// APIError reports a failed call to P0 (see addAPIError).
func (o Operation) APIError(action string, err error) {
	addAPIError(o.Diags, o.Summary, action, err)
}

// Fail reports an error whose detail the caller writes.
func (o Operation) Fail(detail string) {
	o.Diags.AddError(o.Summary, detail)
}

// Failed reports whether the operation has reported an error.
func (o Operation) Failed() bool {
	return o.Diags.HasError()
}

// Start opens an operation that calls P0 without decoding anything: it
// fails unless the provider has handed over a client.
func (b Base) Start(diags *diag.Diagnostics, summary string) Operation {
	op := Operation{Diags: diags, Summary: summary}
	if b.Client == nil {
		addNotConfiguredError(diags, summary)
	}
	return op
}

// Begin opens an operation that calls P0: it checks that the provider has
// a client and decodes data into a model. When op has failed, the
// operation returns at once.
func Begin[M any](ctx context.Context, b Base, data Decodable, diags *diag.Diagnostics, summary string) (model M, op Operation) {
	if op = b.Start(diags, summary); !op.Failed() {
		model = Decode[M](ctx, data, diags)
	}
	return model, op
}

// BeginUpdate is begin for an update: it decodes the plan and the prior
// state.
func BeginUpdate[M any](ctx context.Context, b Base, req resource.UpdateRequest, diags *diag.Diagnostics, summary string) (plan, prior M, op Operation) {
	if plan, op = Begin[M](ctx, b, req.Plan, diags, summary); !op.Failed() {
		prior = Decode[M](ctx, req.State, diags)
	}
	return plan, prior, op
}

// Decode decodes data into a model, reporting what does not decode.
func Decode[M any](ctx context.Context, data Decodable, diags *diag.Diagnostics) (model M) {
	diags.Append(data.Get(ctx, &model)...)
	return model
}

// addNotConfiguredError reports an operation that needs the API before the
// provider had a usable configuration.
func addNotConfiguredError(diags *diag.Diagnostics, summary string) {
	diags.AddError(summary, "The P0 provider has no API client: its org, api_token or host were not known "+
		"when it was configured. Make them known before this operation (for example, apply the resources "+
		"they depend on first with -target).")
}

// ImportByOrg imports a resource that exists once per organization, for
// resourceType: its import ID, or its identity's org, must be the
// provider's organization id; what names the object for the message ("JIT
// settings are"). It reports false after a diagnostic.
func (b Base) ImportByOrg(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, resourceType, what string) bool {
	if op := b.Start(&resp.Diagnostics, "Unable to Import"); op.Failed() {
		return false
	}
	id := ImportedID[OrgIdentity](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return false
	}
	if org := b.Client.Org(); id != org {
		resp.Diagnostics.AddError("Invalid Import ID",
			fmt.Sprintf("%s imported by the organization id, which must be the provider's organization %q: "+
				"terraform import %s.<name> %q. Got %q. To manage another organization, use a provider "+
				"configured for it.", what, org, resourceType, org, id))
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	SetIdentity(ctx, resp.Identity, OrgIdentity{Org: types.StringValue(id)}, &resp.Diagnostics)
	return !resp.Diagnostics.HasError()
}

// TimeoutFunc reads one operation's limit from a timeouts block, as
// timeouts.Value's Create, Update and Delete do.
type TimeoutFunc func(ctx context.Context, fallback time.Duration) (time.Duration, diag.Diagnostics)

// WithTimeout bounds ctx by the operation's limit, fallback when the
// timeouts block sets none. After a failure, the operation's own or a
// block that cannot be read, it leaves ctx as it is, so that a method
// checks op.failed() once, after both. Call cancel when the operation
// ends.
func (o Operation) WithTimeout(ctx context.Context, limit TimeoutFunc, fallback time.Duration) (_ context.Context, cancel context.CancelFunc) {
	if o.Failed() {
		return ctx, func() {}
	}
	timeout, d := limit(ctx, fallback)
	o.Diags.Append(d...)
	if d.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, timeout)
}
