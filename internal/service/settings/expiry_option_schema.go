package settings

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

func (r *expiryOptionResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "One custom expiry preset: a duration that requestors can pick for their access in P0. " +
			"P0 starts every organization with five presets (5 minutes, 1 hour, 1 day, 1 week, 30 days); " +
			"to manage one of those, import it rather than create it.\n\n" +
			"P0's documents describe no read for presets. The provider reads `GET /settings/expiry-options`; " +
			"where P0 answers that with 404 or 405, the provider keeps what is in state, `value` stays null, " +
			"and presets removed outside Terraform are not noticed.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("P0's key for the preset: `time` followed by `unit`, for example `2h`. It is also the import ID."),
			"time": durationTimeAttribute("How many `unit`s the preset lasts. Changing it replaces the preset.",
				int64planmodifier.RequiresReplace()),
			"unit": durationUnitAttribute("The unit of `time`. Changing it replaces the preset.",
				stringplanmodifier.RequiresReplace()),
			"value": durationValueAttribute("P0's display text for the preset, for example `2 hours`. " +
				"Null when P0 does not support reading the presets."),
		},
	}
}

func (r *expiryOptionResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IdentitySchema(map[string]string{
		"key": "P0's key for the option: its time followed by its unit, such as `2h`.",
	})
}
