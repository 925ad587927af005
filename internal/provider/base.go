package provider

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

// base is what every object shares: its type name, the API client and the
// provider's version. Each kind of object embeds the variant with its
// kind's Metadata and Configure methods.
type base struct {
	// typeName is the object's name under the provider's: "routing_rule"
	// for p0_routing_rule.
	typeName string
	client   *p0.Client
	// version is the provider's, which mapped P0's answers to the states
	// that record it (see readDigest).
	version string
}

// providerData is what the provider hands every object it serves.
type providerData struct {
	client  *p0.Client
	version string
}

// named is the base of the object called typeName under the provider.
func named(typeName string) base {
	return base{typeName: typeName}
}

// fullName is the object's type name as Terraform knows it.
func (b base) fullName(providerTypeName string) string {
	return providerTypeName + "_" + b.typeName
}

// configure takes the client and the version from ProviderData. Before the
// provider is configured (the framework calls Configure early, with no
// data) the client stays nil, and begin reports it.
func (w *base) configure(data any, diags *diag.Diagnostics) {
	if data == nil {
		return
	}
	given, ok := data.(*providerData)
	if !ok {
		diags.AddError("Unexpected Provider Data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider; please report it.", data))
		return
	}
	w.client, w.version = given.client, given.version
}

// resourceBase is embedded by every resource, and by every list resource,
// whose Metadata and Configure take the same requests as its resource's.
type resourceBase struct{ base }

func (r *resourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = r.fullName(req.ProviderTypeName)
}

func (r *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.configure(req.ProviderData, &resp.Diagnostics)
}

// dataSourceBase is embedded by every data source.
type dataSourceBase struct{ base }

func (d *dataSourceBase) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = d.fullName(req.ProviderTypeName)
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.configure(req.ProviderData, &resp.Diagnostics)
}

// ephemeralBase is embedded by every ephemeral resource.
type ephemeralBase struct{ base }

func (e *ephemeralBase) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = e.fullName(req.ProviderTypeName)
}

func (e *ephemeralBase) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.configure(req.ProviderData, &resp.Diagnostics)
}

// actionBase is embedded by every action.
type actionBase struct{ base }

func (a *actionBase) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = a.fullName(req.ProviderTypeName)
}

func (a *actionBase) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.configure(req.ProviderData, &resp.Diagnostics)
}

// progress tells the user, while an action runs, what it is doing.
func progress(resp *action.InvokeResponse, format string, args ...any) {
	if resp.SendProgress != nil {
		resp.SendProgress(action.InvokeProgressEvent{Message: fmt.Sprintf(format, args...)})
	}
}

// decodable is a plan, state or configuration: what an operation decodes
// its model from.
type decodable interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// attributeOf decodes one attribute of a plan, state or configuration, for
// an operation that needs no more.
type attributeOf struct {
	data interface {
		GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
	}
	path path.Path
}

func (a attributeOf) Get(ctx context.Context, target any) diag.Diagnostics {
	return a.data.GetAttribute(ctx, a.path, target)
}

// operation is one run of an object's method: where its diagnostics go,
// and the summary ("Unable to Create Routing Rule") of the errors it
// reports.
type operation struct {
	diags   *diag.Diagnostics
	summary string
}

// apiError reports a failed call to P0 (see addAPIError).
func (o operation) apiError(action string, err error) {
	addAPIError(o.diags, o.summary, action, err)
}

// fail reports an error whose detail the caller writes.
func (o operation) fail(detail string) {
	o.diags.AddError(o.summary, detail)
}

// failed reports whether the operation has reported an error.
func (o operation) failed() bool {
	return o.diags.HasError()
}

// start opens an operation that calls P0 without decoding anything: it
// fails unless the provider has handed over a client.
func (b base) start(diags *diag.Diagnostics, summary string) operation {
	op := operation{diags: diags, summary: summary}
	if b.client == nil {
		addNotConfiguredError(diags, summary)
	}
	return op
}

// begin opens an operation that calls P0: it checks that the provider has
// a client and decodes data into a model. When op has failed, the
// operation returns at once.
func begin[M any](ctx context.Context, b base, data decodable, diags *diag.Diagnostics, summary string) (model M, op operation) {
	if op = b.start(diags, summary); !op.failed() {
		model = decode[M](ctx, data, diags)
	}
	return model, op
}

// beginUpdate is begin for an update: it decodes the plan and the prior
// state.
func beginUpdate[M any](ctx context.Context, b base, req resource.UpdateRequest, diags *diag.Diagnostics, summary string) (plan, prior M, op operation) {
	if plan, op = begin[M](ctx, b, req.Plan, diags, summary); !op.failed() {
		prior = decode[M](ctx, req.State, diags)
	}
	return plan, prior, op
}

// decode decodes data into a model, reporting what does not decode.
func decode[M any](ctx context.Context, data decodable, diags *diag.Diagnostics) (model M) {
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

// importByOrg imports a resource that exists once per organization, for
// resourceType: its import ID, or its identity's org, must be the
// provider's organization id; what names the object for the message ("JIT
// settings are"). It reports false after a diagnostic.
func (b base) importByOrg(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, resourceType, what string) bool {
	if op := b.start(&resp.Diagnostics, "Unable to Import"); op.failed() {
		return false
	}
	id := importedID[orgIdentity](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return false
	}
	if org := b.client.Org(); id != org {
		resp.Diagnostics.AddError("Invalid Import ID",
			fmt.Sprintf("%s imported by the organization id, which must be the provider's organization %q: "+
				"terraform import %s.<name> %q. Got %q. To manage another organization, use a provider "+
				"configured for it.", what, org, resourceType, org, id))
		return false
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	setIdentity(ctx, resp.Identity, orgIdentity{Org: types.StringValue(id)}, &resp.Diagnostics)
	return !resp.Diagnostics.HasError()
}

// timeoutFunc reads one operation's limit from a timeouts block, as
// timeouts.Value's Create, Update and Delete do.
type timeoutFunc func(ctx context.Context, fallback time.Duration) (time.Duration, diag.Diagnostics)

// withTimeout bounds ctx by the operation's limit, fallback when the
// timeouts block sets none. After a failure, the operation's own or a
// block that cannot be read, it leaves ctx as it is, so that a method
// checks op.failed() once, after both. Call cancel when the operation
// ends.
func (o operation) withTimeout(ctx context.Context, limit timeoutFunc, fallback time.Duration) (_ context.Context, cancel context.CancelFunc) {
	if o.failed() {
		return ctx, func() {}
	}
	timeout, d := limit(ctx, fallback)
	o.diags.Append(d...)
	if d.HasError() {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, timeout)
}
