package provider

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

// identity is a resource's identity model.
type identity interface {
	// importID is the import ID that names the same object.
	importID() string
}

// identified is a resource's state model: it knows the identity of the
// object it describes.
type identified interface {
	identity() identity
}

// identitySchema is a schema of string attributes, each required in an
// import block's identity; descriptions maps each name to its description.
func identitySchema(descriptions map[string]string) identityschema.Schema {
	attributes := make(map[string]identityschema.Attribute, len(descriptions))
	for name, description := range descriptions {
		attributes[name] = identityschema.StringAttribute{RequiredForImport: true, Description: description}
	}
	return identityschema.Schema{Attributes: attributes}
}

// store saves a resource's new state and the identity of the object it
// describes, as Create, Read and Update end.
func store(ctx context.Context, state *tfsdk.State, id *tfsdk.ResourceIdentity, model identified, diags *diag.Diagnostics) {
	diags.Append(state.Set(ctx, model)...)
	setIdentity(ctx, id, model.identity(), diags)
}

// setIdentity stores value as the object's identity, where the CLI keeps
// identities.
func setIdentity(ctx context.Context, id *tfsdk.ResourceIdentity, value identity, diags *diag.Diagnostics) {
	if id != nil && !diags.HasError() {
		diags.Append(id.Set(ctx, value)...)
	}
}

// keep leaves a resource's state as it is, after a read that found the
// object as the state describes it. The identity stays too; where the CLI
// passed none (Terraform before 1.12 keeps no identities), the framework
// still wants one, which current supplies.
func keep(ctx context.Context, id *tfsdk.ResourceIdentity, current identity, diags *diag.Diagnostics) {
	if id != nil && id.Raw.IsFullyNull() {
		setIdentity(ctx, id, current, diags)
	}
}

// forget removes a resource that no longer exists in P0 from state. The
// framework wants an identity even from a read that finds the object gone;
// state written before identities existed has none, so gone supplies it.
func forget(ctx context.Context, state *tfsdk.State, id *tfsdk.ResourceIdentity, gone identity, diags *diag.Diagnostics) {
	state.RemoveResource(ctx)
	if id != nil && id.Raw.IsFullyNull() {
		setIdentity(ctx, id, gone, diags)
	}
}

// importedID is the ID an import names: the ID of `terraform import` or an
// import block's id, or the one an import block's identity stands for.
func importedID[I identity](ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil || req.Identity.Raw.IsFullyNull() {
		return req.ID
	}
	var id I
	diags.Append(req.Identity.Get(ctx, &id)...)
	return id.importID()
}

// orgIdentity is the identity of a resource that exists once per
// organization: p0_jit_settings and p0_routing_workflow.
type orgIdentity struct {
	Org types.String `tfsdk:"org"`
}

func (i orgIdentity) importID() string { return i.Org.ValueString() }

// orgIdentitySchema describes orgIdentity.
var orgIdentitySchema = identitySchema(map[string]string{
	"org": "The P0 organization id, which must be the provider's.",
})
