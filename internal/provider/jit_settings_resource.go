package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var (
	_ resource.ResourceWithConfigure      = (*jitSettingsResource)(nil)
	_ resource.ResourceWithImportState    = (*jitSettingsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*jitSettingsResource)(nil)
)

// jitSettingsResource manages the organization's JIT settings, which always
// exist in P0: creating the resource writes them, deleting it only stops
// managing them.
type jitSettingsResource struct {
	client *p0.Client
}

// NewJITSettingsResource returns the p0_jit_settings resource.
func NewJITSettingsResource() resource.Resource {
	return &jitSettingsResource{}
}

// importedKey marks, in private state, a resource just imported: its first
// read takes every setting from P0, since nothing says yet which are
// managed.
const importedKey = "imported"

// Descriptions of the settings reads, for logs and the schema.
const (
	approvalsRead = "the approval defaults (GET /settings/default-approvals)"
	standingRead  = "the standing access duration (GET /settings/standing-access-duration)"
	maxRead       = "the maximum access duration (GET /settings/max-access-duration)"
)

// driftNote ends the description of each setting: which read the provider
// relies on and what happens without it.
func driftNote(read string) string {
	return " The API documents describe no read for it; the provider reads " + read + " and, where P0 answers " +
		"that with 404 or 405, keeps the value in state, so changes made outside Terraform are not detected."
}

func (r *jitSettingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_jit_settings"
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
			"id": schema.StringAttribute{
				MarkdownDescription: "The P0 organization id, which is also the import ID.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
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
		},
	}
}

func (r *jitSettingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks that standing access does not outlast the maximum,
// comparing in seconds so that 90m against 1h is caught. Each duration's
// own time and unit are checked by their schema validators; unknown or
// missing values are skipped here and checked again once known.
func (r *jitSettingsResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	standingPath, maxPath := path.Root("standing_access_duration"), path.Root("max_access_duration")
	standing, okStanding := configuredDuration(ctx, req.Config, standingPath)
	maximum, okMax := configuredDuration(ctx, req.Config, maxPath)
	if !okStanding || !okMax {
		return
	}
	standingSeconds, okStanding := durationSeconds(standing.Time, standing.Unit)
	maxSeconds, okMax := durationSeconds(maximum.Time, maximum.Unit)
	if !okStanding || !okMax || standingSeconds.Cmp(maxSeconds) <= 0 {
		return
	}
	resp.Diagnostics.AddAttributeError(standingPath, "Standing Access Longer Than Maximum",
		fmt.Sprintf("standing_access_duration (%s, %s seconds) is longer than max_access_duration (%s, %s seconds). "+
			"P0 does not let standing access outlast the longest access anyone may request: lower "+
			"standing_access_duration or raise max_access_duration.",
			p0.ExpiryKey(standing.Time, standing.Unit), standingSeconds, p0.ExpiryKey(maximum.Time, maximum.Unit), maxSeconds))
}

// configuredDuration reads a duration's time and unit from the
// configuration; ok is false when the duration, its time or its unit is
// null or unknown.
func configuredDuration(ctx context.Context, config tfsdk.Config, p path.Path) (d p0.Duration, ok bool) {
	var time types.Int64
	if diags := config.GetAttribute(ctx, p.AtName("time"), &time); diags.HasError() || time.IsNull() || time.IsUnknown() {
		return p0.Duration{}, false
	}
	unit := stringAt(ctx, config, p.AtName("unit"))
	if !known(unit) {
		return p0.Duration{}, false
	}
	return p0.Duration{Time: time.ValueInt64(), Unit: unit.ValueString()}, true
}

func (r *jitSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	const summary = "Unable to Create JIT Settings"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var plan jitSettingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Nothing is in state yet, so every managed setting is written. A
	// failure leaves nothing in state: the PUTs set values rather than
	// add objects, so the next apply can simply send them all again.
	result, ok := r.apply(ctx, plan, jitSettingsModel{}, &resp.Diagnostics, summary)
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
	}
}

func (r *jitSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	const summary = "Unable to Update JIT Settings"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var plan, prior jitSettingsModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// Even after a failure, state takes what was written, so that the next
	// plan sends only the rest.
	result, _ := r.apply(ctx, plan, prior, &resp.Diagnostics, summary)
	resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
}

// apply sends the PUTs that take P0 from prior to plan (see
// settingsWrites) and returns the resulting state, with ok false after a
// failure, which it reports under summary. The duration PUTs answer with
// the duration and its display text, so nothing is read back.
func (r *jitSettingsResource) apply(ctx context.Context, plan, prior jitSettingsModel, diags *diag.Diagnostics, summary string) (result jitSettingsModel, ok bool) {
	result = unwrittenResult(plan, prior, r.client.Org())
	current, ok := r.currentStanding(ctx, plan, prior, diags, summary)
	if !ok {
		return result, false
	}
	for _, part := range settingsWrites(plan, prior, current) {
		var err error
		switch part {
		case partApprovals:
			if err = r.client.UpdateDefaultApprovals(ctx, approvalsFromModel(plan)); err == nil {
				result.AllowOneParty, result.RequireReason = plan.AllowOneParty, plan.RequireReason
			}
		case partStanding:
			var got *p0.Duration
			if got, err = r.client.SetStandingAccessDuration(ctx, durationFromModel(*plan.StandingAccessDuration)); err == nil {
				result.StandingAccessDuration = writtenDuration(plan.StandingAccessDuration, *got)
			}
		case partMax:
			var got *p0.Duration
			if got, err = r.client.SetMaxAccessDuration(ctx, durationFromModel(*plan.MaxAccessDuration)); err == nil {
				result.MaxAccessDuration = writtenDuration(plan.MaxAccessDuration, *got)
			}
		}
		if err != nil {
			addAPIError(diags, summary, "setting "+part.description(), err)
			return result, false
		}
	}
	return result, true
}

// currentStanding is the standing duration P0 holds now, which decides the
// order of the duration PUTs when both change (and only then is it
// needed). The refreshed state has it when it is managed; otherwise it is
// read. Without the read it is nil, and the maximum goes first.
func (r *jitSettingsResource) currentStanding(ctx context.Context, plan, prior jitSettingsModel, diags *diag.Diagnostics, summary string) (*durationModel, bool) {
	if !bothDurationsChange(plan, prior) {
		return nil, true
	}
	if prior.StandingAccessDuration != nil {
		return prior.StandingAccessDuration, true
	}
	got, _, ok := readSetting(ctx, diags, summary, standingRead, r.client.GetStandingAccessDuration)
	if got == nil {
		return nil, ok // unreadable or never set: nothing to keep under
	}
	return modelFromDuration(*got), true
}

func (r *jitSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to Read JIT Settings"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var state jitSettingsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	imported, diags := req.Private.GetKey(ctx, importedKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	// One GET per managed part; after an import, every part. A setting
	// never set reads as null, which the next plan shows as a change when
	// the configuration sets it.
	all := len(imported) > 0
	if all || state.managesApprovals() {
		got, readable, ok := readSetting(ctx, &resp.Diagnostics, summary, approvalsRead, r.client.GetDefaultApprovals)
		if !ok {
			return
		}
		if readable {
			state = withApprovals(state, valueOrZero(got), all)
		}
	}
	for _, d := range []struct {
		field **durationModel
		read  string
		get   func(context.Context) (*p0.Duration, error)
	}{
		{&state.StandingAccessDuration, standingRead, r.client.GetStandingAccessDuration},
		{&state.MaxAccessDuration, maxRead, r.client.GetMaxAccessDuration},
	} {
		if !all && *d.field == nil {
			continue
		}
		got, readable, ok := readSetting(ctx, &resp.Diagnostics, summary, d.read, d.get)
		if !ok {
			return
		}
		if readable {
			*d.field = modelFromDurationOrNil(got)
		}
	}
	if all {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, nil)...)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readSetting runs one settings read and returns the value, nil for a
// setting never set. readable is false when P0 has no such read (the
// state is then kept, and the fact logged); ok is false after adding a
// diagnostic for a failed read.
func readSetting[T any](ctx context.Context, diags *diag.Diagnostics, summary, read string, get func(context.Context) (*T, error)) (value *T, readable, ok bool) {
	got, err := get(ctx)
	if p0.IsUnsupportedRead(err) {
		noteDriftUndetectable(ctx, read, err)
		return nil, false, true
	}
	if err != nil {
		addAPIError(diags, summary, "reading "+read, err)
		return nil, false, false
	}
	return got, true, true
}

// Delete only forgets the settings: they always exist in P0, and the API
// cannot unset them.
func (r *jitSettingsResource) Delete(_ context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	resp.Diagnostics.AddWarning("JIT Settings Left in P0",
		"Terraform no longer manages the JIT settings, but they keep their current values in P0: the API has no "+
			"way to unset them. Change them in P0, or manage them again with p0_jit_settings, if they should be different.")
}

// ImportState takes the organization id, which must be the provider's.
// Read then takes every setting from P0.
func (r *jitSettingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, "Unable to Import JIT Settings")
		return
	}
	if org := r.client.Org(); req.ID != org {
		resp.Diagnostics.AddError("Invalid Import ID",
			fmt.Sprintf("JIT settings are imported by the organization id, which must be the provider's organization %q: "+
				"terraform import p0_jit_settings.<name> %s. Got %q. To manage another organization's settings, "+
				"use a provider configured for that organization.", org, org, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, importedKey, []byte("true"))...)
}
