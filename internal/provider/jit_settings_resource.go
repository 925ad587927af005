package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func (r *jitSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := begin[jitSettingsModel](ctx, r.base, req.Plan, &resp.Diagnostics, "Unable to Create JIT Settings")
	if op.failed() {
		return
	}

	// Nothing is in state yet, so every managed setting is written. A
	// failure leaves nothing in state: the PUTs set values rather than
	// add objects, so the next apply can simply send them all again.
	result, ok := r.apply(ctx, plan, jitSettingsModel{}, op)
	if ok {
		store(ctx, &resp.State, resp.Identity, result, &resp.Diagnostics)
	}
}

func (r *jitSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, prior, op := beginUpdate[jitSettingsModel](ctx, r.base, req, &resp.Diagnostics, "Unable to Update JIT Settings")
	if op.failed() {
		return
	}

	// Even after a failure, state takes what was written, so that the next
	// plan sends only the rest.
	result, _ := r.apply(ctx, plan, prior, op)
	store(ctx, &resp.State, resp.Identity, result, &resp.Diagnostics)
}

// apply sends the PUTs that take P0 from prior to plan (see
// settingsWrites) and returns the resulting state, with ok false after a
// failure, which op reports. The duration PUTs answer with
// the duration and its display text, so nothing is read back.
func (r *jitSettingsResource) apply(ctx context.Context, plan, prior jitSettingsModel, op operation) (result jitSettingsModel, ok bool) {
	result = unwrittenResult(plan, prior, r.client.Org())
	current, ok := r.currentStanding(ctx, plan, prior, op)
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
			op.apiError("setting "+part.description(), err)
			return result, false
		}
	}
	return result, true
}

// currentStanding is the standing duration P0 holds now, which decides the
// order of the duration PUTs when both change (and only then is it
// needed). The refreshed state has it when it is managed; otherwise it is
// read. Without the read it is nil, and the maximum goes first.
func (r *jitSettingsResource) currentStanding(ctx context.Context, plan, prior jitSettingsModel, op operation) (*durationModel, bool) {
	if !bothDurationsChange(plan, prior) {
		return nil, true
	}
	if prior.StandingAccessDuration != nil {
		return prior.StandingAccessDuration, true
	}
	got, _, ok := readSetting(ctx, op, standingRead, r.client.GetStandingAccessDuration)
	if got == nil {
		return nil, ok // unreadable or never set: nothing to keep under
	}
	return modelFromDuration(*got), true
}

func (r *jitSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := begin[jitSettingsModel](ctx, r.base, req.State, &resp.Diagnostics, "Unable to Read JIT Settings")
	if op.failed() {
		return
	}
	all := justImported(ctx, req.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	// One GET per managed part; after an import, every part. A setting
	// never set reads as null, which the next plan shows as a change when
	// the configuration sets it.
	if all || state.managesApprovals() {
		got, readable, ok := readSetting(ctx, op, approvalsRead, r.client.GetDefaultApprovals)
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
		got, readable, ok := readSetting(ctx, op, d.read, d.get)
		if !ok {
			return
		}
		if readable {
			*d.field = modelFromDurationOrNil(got)
		}
	}
	if all {
		readSinceImport(ctx, resp.Private, &resp.Diagnostics)
	}
	store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
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
	if r.importByOrg(ctx, req, resp, "p0_jit_settings", "JIT settings are") {
		resp.Diagnostics.Append(setPrivate(ctx, resp.Private, importedKey, true)...)
	}
}
