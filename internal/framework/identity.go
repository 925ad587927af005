package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identity (Terraform 1.12+): every resource names the object it
// manages by a few attributes, which Terraform stores beside the state, list
// resources return, and import blocks accept in place of an ID. Each
// resource's identity is a small model whose import ID is the one
// `terraform import` takes, so that import by identity is import by ID.
//
// Terraform before 1.12 and OpenTofu send no identity: the framework then
// hands the resource a nil *tfsdk.ResourceIdentity, and nothing is stored.

// Identity is a resource's identity model.
type Identity interface {
	// importID is the import ID that names the same object.
	ImportID() string
}

// Identified is a resource's state model: it knows the identity of the
// object it describes.
type Identified interface {
	Identity() Identity
}

// IdentitySchema is a schema of string attributes, each required in an
// import block's identity; descriptions maps each name to its description.
func IdentitySchema(descriptions map[string]string) identityschema.Schema {
	attributes := make(map[string]identityschema.Attribute, len(descriptions))
	for name, description := range descriptions {
		attributes[name] = identityschema.StringAttribute{RequiredForImport: true, Description: description}
	}
	return identityschema.Schema{Attributes: attributes}
}

// Store saves a resource's new state and the identity of the object it
// describes, as Create, Read and Update end.
func Store(ctx context.Context, state *tfsdk.State, id *tfsdk.ResourceIdentity, model Identified, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, model)...)
	SetIdentity(ctx, id, model.Identity(), diags)
}

// SetIdentity stores value as the object's identity, where the CLI keeps
// identities.
func SetIdentity(ctx context.Context, id *tfsdk.ResourceIdentity, value Identity, diags *diag.Diagnostics) {
	if id != nil && !diags.HasError() {
		diags.Append(id.Set(ctx, value)...)
	}
}

// Keep leaves a resource's state as it is, after a read that found the
// object as the state describes it. The identity stays too; where the CLI
// passed none (Terraform before 1.12 keeps no identities), the framework
// still wants one, which current supplies.
func Keep(ctx context.Context, id *tfsdk.ResourceIdentity, current Identity, diags *diag.Diagnostics) {
	if id != nil && id.Raw.IsFullyNull() {
		SetIdentity(ctx, id, current, diags)
	}
}

// Forget removes a resource that no longer exists in P0 from state. The
// framework wants an identity even from a read that finds the object gone;
// state written before identities existed has none, so gone supplies it.
func Forget(ctx context.Context, state *tfsdk.State, id *tfsdk.ResourceIdentity, gone Identity, diags *diag.Diagnostics) {
	state.RemoveResource(ctx)
	if id != nil && id.Raw.IsFullyNull() {
		SetIdentity(ctx, id, gone, diags)
	}
}

// ImportedID is the ID an import names: the ID of `terraform import` or an
// import block's id, or the one an import block's identity stands for.
func ImportedID[I Identity](ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil || req.Identity.Raw.IsFullyNull() {
		return req.ID
	}
	var id I
	diags.Append(req.Identity.Get(ctx, &id)...)
	return id.ImportID()
}

// OrgIdentity is the identity of a resource that exists once per
// organization: p0_jit_settings and p0_routing_workflow.
type OrgIdentity struct {
	Org types.String `tfsdk:"org"`
}

func (i OrgIdentity) ImportID() string { return i.Org.ValueString() }

// OrgIdentitySchema describes orgIdentity.
var OrgIdentitySchema = IdentitySchema(map[string]string{
	"org": "The P0 organization id, which must be the provider's.",
})
