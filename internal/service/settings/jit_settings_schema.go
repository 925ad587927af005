package settings

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Descriptions of the settings reads, for logs and the schema.
const (
	approvalsRead  = "the approval defaults (GET /settings/default-approvals)"
	standingRead   = "the standing access duration (GET /settings/standing-access-duration)"
	maxRead        = "the maximum access duration (GET /settings/max-access-duration)"
	approvableRead = "the approvable duration (GET /settings/approvable-duration)"
)

// driftNote ends the description of each setting: which read the provider
// relies on and what happens without it.
func driftNote(read string) string {
	return " The API documents describe no read for it; the provider reads " + read + " and, where P0 answers " +
		"that with 404 or 405, keeps the value in state, so changes made outside Terraform are not detected."
}

func (r *jitSettingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const unset = " When not set, Terraform leaves P0's value as it is and does not track it."
	resp.Schema = schema.Schema{
		MarkdownDescription: "The organization's just-in-time access settings: approval defaults and how long access lasts. " +
			"Declare at most one per organization.\n\n" +
			"Every attribute is optional, and only the settings that are set are managed: an apply sends only the " +
			"settings whose values changed, and a setting removed from the configuration keeps its value in P0. " +
			"Destroying the resource also leaves every value in P0, as the API has no way to unset them.\n\n" +
			"P0 refuses a standing access duration longer than the maximum access duration. The provider checks " +
			"that at plan time when both are set, and when both change it writes them in the order that keeps the " +
			"standing duration within the maximum at every step.\n\n" +
			"Importing reads every setting from P0; settings that the configuration then leaves out are dropped " +
			"from state by the next apply, without being changed in P0.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The P0 organization id, which is also the import ID."),
			"allow_one_party": schema.BoolAttribute{
				MarkdownDescription: "Whether, by default, requestors may approve their own access requests " +
					"(no second party needed). Sent with `PUT /settings/default-approvals`." + unset + driftNote(approvalsRead),
				Optional: true,
			},
			"require_reason": schema.BoolAttribute{
				MarkdownDescription: "Whether, by default, requestors must give a reason for their access requests. " +
					"Sent with `PUT /settings/default-approvals`." + unset + driftNote(approvalsRead),
				Optional: true,
			},
			"standing_access_duration": schema.SingleNestedAttribute{
				MarkdownDescription: "How long standing access lasts, as `{ time, unit }`; it may not exceed " +
					"`max_access_duration`. Sent with `PUT /settings/standing-access-duration`." + unset + driftNote(standingRead),
				Optional:   true,
				Attributes: durationAttributes("P0's display text for the standing access duration, for example `2 hours`, from P0's answer."),
			},
			"max_access_duration": schema.SingleNestedAttribute{
				MarkdownDescription: "The longest access anyone may request, as `{ time, unit }`. Sent with " +
					"`PUT /settings/max-access-duration`." + unset + driftNote(maxRead),
				Optional:   true,
				Attributes: durationAttributes("P0's display text for the maximum access duration, for example `30 days`, from P0's answer."),
			},
			"approvable_duration": schema.SingleNestedAttribute{
				MarkdownDescription: "How long after a request is made it may still be approved, as `{ time, unit }` " +
					"(P0's own provider calls it `approvable`, in `p0_access_durations`). Sent with " +
					"`PUT /settings/approvable-duration`." + unset + driftNote(approvableRead),
				Optional:   true,
				Attributes: durationAttributes("P0's display text for the approvable duration, for example `1 day`, from P0's answer."),
			},
		},
	}
	resp.Schema = framework.Typed(resp.Schema)
}

func (r *jitSettingsResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.OrgIdentitySchema
}
