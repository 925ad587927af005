package settings

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// jitSettingsResource manages the organization's JIT settings, which always
// exist in P0: creating the resource writes them, deleting it only stops
// managing them.
type jitSettingsResource struct{ framework.ResourceBase }

// NewJITSettingsResource returns the p0_jit_settings resource.
func NewJITSettingsResource() resource.Resource {
	return &jitSettingsResource{framework.ResourceNamed("jit_settings")}
}

var (
	_ resource.ResourceWithConfigure      = (*jitSettingsResource)(nil)
	_ resource.ResourceWithImportState    = (*jitSettingsResource)(nil)
	_ resource.ResourceWithIdentity       = (*jitSettingsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*jitSettingsResource)(nil)
)

func (r *jitSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[jitSettingsModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Create JIT Settings")
	if op.Failed() {
		return
	}

	// Nothing is in state yet, so every managed setting is written. A
	// failure leaves nothing in state: the PUTs set values rather than
	// add objects, so the next apply can simply send them all again.
	result, ok := r.apply(ctx, plan, jitSettingsModel{}, op)
	if ok {
		framework.Store(ctx, &resp.State, resp.Identity, result, &resp.Diagnostics)
	}
}

func (r *jitSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, prior, op := framework.BeginUpdate[jitSettingsModel](ctx, r.Base, req, &resp.Diagnostics, "Unable to Update JIT Settings")
	if op.Failed() {
		return
	}

	// Even after a failure, state takes what was written, so that the next
	// plan sends only the rest.
	result, _ := r.apply(ctx, plan, prior, op)
	framework.Store(ctx, &resp.State, resp.Identity, result, &resp.Diagnostics)
}

// apply sends the PUTs that take P0 from prior to plan (see
// settingsWrites) and returns the resulting state, with ok false after a
// failure, which op reports. The duration PUTs answer with
// the duration and its display text, so nothing is read back.
func (r *jitSettingsResource) apply(ctx context.Context, plan, prior jitSettingsModel, op framework.Operation) (result jitSettingsModel, ok bool) {
	result = unwrittenResult(plan, prior, r.Client.Org())
	current, ok := r.currentStanding(ctx, plan, prior, op)
	if !ok {
		return result, false
	}
	for _, part := range settingsWrites(plan, prior, current) {
		var err error
		switch part {
		case partApprovals:
			if err = r.Client.UpdateDefaultApprovals(ctx, approvalsFromModel(plan)); err == nil {
				result.AllowOneParty, result.RequireReason = plan.AllowOneParty, plan.RequireReason
			}
		case partStanding:
			var got *p0.Duration
			if got, err = r.Client.SetStandingAccessDuration(ctx, durationFromModel(*plan.StandingAccessDuration)); err == nil {
				result.StandingAccessDuration = writtenDuration(plan.StandingAccessDuration, *got)
			}
		case partMax:
			var got *p0.Duration
			if got, err = r.Client.SetMaxAccessDuration(ctx, durationFromModel(*plan.MaxAccessDuration)); err == nil {
				result.MaxAccessDuration = writtenDuration(plan.MaxAccessDuration, *got)
			}
		case partApprovable:
			var got *p0.Duration
			if got, err = r.Client.SetApprovableDuration(ctx, durationFromModel(*plan.ApprovableDuration)); err == nil {
				result.ApprovableDuration = writtenDuration(plan.ApprovableDuration, *got)
			}
		}
		if err != nil {
			op.APIError("setting "+part.description(), err)
			return result, false
		}
	}
	return result, true
}

// currentStanding is the standing duration P0 holds now, which decides the
// order of the duration PUTs when both change (and only then is it
// needed). The refreshed state has it when it is managed; otherwise it is
// read. Without the read it is nil, and the maximum goes first.
func (r *jitSettingsResource) currentStanding(ctx context.Context, plan, prior jitSettingsModel, op framework.Operation) (*durationModel, bool) {
	if !bothDurationsChange(plan, prior) {
		return nil, true
	}
	if prior.StandingAccessDuration != nil {
		return prior.StandingAccessDuration, true
	}
	got, _, ok := readSetting(ctx, op, standingRead, r.Client.GetStandingAccessDuration)
	if got == nil {
		return nil, ok // unreadable or never set: nothing to keep under
	}
	return modelFromDuration(*got), true
}

func (r *jitSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[jitSettingsModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read JIT Settings")
	if op.Failed() {
		return
	}
	all := framework.JustImported(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	// The settings are the organization's: state moved from P0's own
	// provider, which had no id, gets it here.
	state.ID = types.StringValue(r.Client.Org())

	// One GET per managed part; after an import, every part. A setting
	// never set reads as null, which the next plan shows as a change when
	// the configuration sets it.
	if all || state.managesApprovals() {
		got, readable, ok := readSetting(ctx, op, approvalsRead, r.Client.GetDefaultApprovals)
		if !ok {
			return
		}
		if readable {
			state = withApprovals(state, framework.ValueOrZero(got), all)
		}
	}
	for _, d := range []struct {
		field **durationModel
		read  string
		get   func(context.Context) (*p0.Duration, error)
	}{
		{&state.StandingAccessDuration, standingRead, r.Client.GetStandingAccessDuration},
		{&state.MaxAccessDuration, maxRead, r.Client.GetMaxAccessDuration},
		{&state.ApprovableDuration, approvableRead, r.Client.GetApprovableDuration},
	} {
		if !all && *d.field == nil {
			continue
		}
		got, readable, ok := readSetting(ctx, op, d.read, d.get)
		if !ok {
			return
		}
		if readable {
			*d.field = modelFromDurationOrNil(got)
		}
	}
	if all {
		framework.ReadSinceImport(ctx, resp.Private, &resp.Diagnostics)
	}
	framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
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
	if r.ImportByOrg(ctx, req, resp, "p0_jit_settings", "JIT settings are") {
		resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, framework.ImportedKey, true)...)
	}
}
