package settings

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

func (r *expiryOptionsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The organization's whole set of expiry presets: the durations requestors can pick for " +
			"their access. Every apply makes P0's presets exactly these, creating what is missing and deleting what is " +
			"not listed, P0's default presets included. Use it, or `p0_expiry_option` for presets one by one, not both " +
			"for one organization: each would undo the other's changes.\n\n" +
			"P0's documents describe no read for presets. The provider reads `GET /settings/expiry-options`; where P0 " +
			"answers that with 404 or 405, the provider keeps what is in state, creates and deletes by the difference " +
			"with it, and presets changed outside Terraform are not noticed. Import ID: the organization id.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The P0 organization id. Also the import ID."),
			"options": schema.ListNestedAttribute{
				MarkdownDescription: "The presets, each once.",
				Required:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"time": durationTimeAttribute("How many `unit`s the preset lasts."),
					"unit": durationUnitAttribute("The unit of `time`."),
				}},
			},
		},
	}
}

func (r *expiryOptionsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.OrgIdentitySchema
}

// ValidateConfig refuses a preset listed twice, which P0 holds once.
func (r *expiryOptionsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var options []expiryOptionEntry
	if diags := req.Config.GetAttribute(ctx, path.Root("options"), &options); diags.HasError() {
		return // unknown: checked again once known
	}
	first := map[string]int{}
	for i, e := range options {
		if e.Time.IsUnknown() || e.Unit.IsUnknown() || e.Time.IsNull() || e.Unit.IsNull() {
			continue
		}
		if j, ok := first[e.key()]; ok {
			resp.Diagnostics.AddAttributeError(path.Root("options").AtListIndex(i), "Duplicate Expiry Option",
				fmt.Sprintf("The preset %s is listed at index %d and again here; P0 holds each preset once. Remove one.", e.key(), j))
			continue
		}
		first[e.key()] = i
	}
}
