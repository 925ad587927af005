package routing

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// TestReadOfGoneObjectWithoutIdentity refreshes a routing rule deleted in
// P0 whose state was written before resources had identities: the framework
// refuses a read that returns no identity, even one that removes the
// resource, so the read must supply the identity of what it removes.
func TestReadOfGoneObjectWithoutIdentity(t *testing.T) {
	env := acctest.NewTestEnv(t)
	r := &routingRuleResource{framework.ResourceBase{Base: framework.Base{TypeName: "routing_rule", Client: env.Client(t)}}}
	ctx := context.Background()
	var identityResp fwresource.IdentitySchemaResponse
	r.IdentitySchema(ctx, fwresource.IdentitySchemaRequest{}, &identityResp)
	noIdentity := &tfsdk.ResourceIdentity{
		Schema: identityResp.IdentitySchema,
		Raw:    tftypes.NewValue(identityResp.IdentitySchema.Type().TerraformType(ctx), nil),
	}
	state := acctest.StateOf(t, r, routingRuleModel{ID: types.StringValue("gone"), routingRuleFields: routingRuleFields{
		Name: types.StringValue("gone"), Disabled: types.BoolValue(false)}})
	resp := fwresource.ReadResponse{State: state, Identity: noIdentity}
	r.Read(ctx, fwresource.ReadRequest{State: state, Identity: noIdentity}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	if !resp.State.Raw.IsNull() {
		t.Error("the rule deleted in P0 stayed in state")
	}
	var name types.String
	resp.Diagnostics.Append(resp.Identity.GetAttribute(ctx, path.Root("name"), &name)...)
	if name.ValueString() != "gone" {
		t.Errorf("identity name = %s, want \"gone\"", name)
	}
}
