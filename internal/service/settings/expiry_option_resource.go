package settings

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// expiryOptionResource manages one custom expiry preset through
// /o/{org}/settings/expiry-options.
type expiryOptionResource struct{ framework.ResourceBase }

// NewExpiryOptionResource returns the p0_expiry_option resource.
func NewExpiryOptionResource() resource.Resource {
	return &expiryOptionResource{framework.ResourceNamed("expiry_option")}
}

var (
	_ resource.ResourceWithConfigure   = (*expiryOptionResource)(nil)
	_ resource.ResourceWithImportState = (*expiryOptionResource)(nil)
	_ resource.ResourceWithIdentity    = (*expiryOptionResource)(nil)
)

// expiryOptionsRead describes the expiry options read for logs.
const expiryOptionsRead = "the expiry options (GET /settings/expiry-options)"

func (r *expiryOptionResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[expiryOptionModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Create Expiry Option")
	if op.Failed() {
		return
	}

	time, unit, key := plan.option()
	existedBefore, knownBefore := r.exists(ctx, time, unit)
	err := r.Client.CreateExpiryOption(ctx, time, unit)
	if apiErr := (*p0.APIError)(nil); errors.As(err, &apiErr) && errors.Is(apiErr, p0.ErrConflict) && ownEarlierAttempt(apiErr, existedBefore, knownBefore) {
		// An earlier attempt of this very request was committed but its
		// answer lost (a dropped connection, a proxy's 502), and the client
		// sent it again. An option is nothing but its time and unit, so the
		// one P0 has is exactly the one planned: it is this create's own.
		tflog.Info(ctx, "expiry option was created by an earlier attempt whose answer was lost; adopting it", map[string]any{"key": key})
		err = nil
	}
	if apiErr := (*p0.APIError)(nil); errors.As(err, &apiErr) && errors.Is(apiErr, p0.ErrConflict) {
		framework.
			// P0 answers the same 409 for a preset created elsewhere (one of its
			// defaults, another workspace) and for our own earlier attempt whose
			// answer was lost, which ownEarlierAttempt has ruled out; the user
			// decides.
			AlreadyExists(&resp.Diagnostics, "Expiry Option Already Exists", fmt.Sprintf("expiry option %q", key),
				"p0_expiry_option", key, apiErr, "the option already exists. It may be one of P0's default presets, have "+
					"been created outside Terraform, or have been created by an earlier apply that did not receive P0's answer.")
		return
	}
	if err != nil {
		op.APIError(fmt.Sprintf("creating expiry option %q", key), err)
		return
	}

	// The POST answers with no body; the display text comes from the list.
	state := modelFromExpiryOption(p0.Duration{Time: time, Unit: unit})
	options, err := r.Client.ListExpiryOptions(ctx)
	switch {
	case p0.IsUnsupportedRead(err):
		noteDriftUndetectable(ctx, expiryOptionsRead, err)
	case err != nil:
		// The preset exists now: record it so that it is not orphaned, and
		// warn that its display text is missing until the next refresh.
		resp.Diagnostics.AddWarning("Unable to Read Expiry Option", framework.APIErrorDetail(fmt.Sprintf("reading expiry option %q after creating it", key), err)+
			"\n\nThe option was created; its value is filled in by the next terraform plan or apply.")
	default:
		if found, ok := findExpiryOption(options, time, unit); ok {
			state.Value = framework.OptionalString(found.Value)
		} else {
			tflog.Warn(ctx, "expiry option was created but is missing from P0's list", map[string]any{"key": key})
		}
	}
	framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
}

// exists reports whether P0 lists the option, and whether that is known:
// it is not when P0 has no read for the list or the read failed.
// The client answers from the latest list it received in this operation
// when it can, so that parallel creates share one list.
func (r *expiryOptionResource) exists(ctx context.Context, time int64, unit string) (exists, known bool) {
	exists, err := r.Client.ExpiryOptionListed(ctx, time, unit)
	if err != nil {
		tflog.Debug(ctx, "could not list the expiry options before creating one", map[string]any{"error": err.Error()})
		return false, false
	}
	return exists, true
}

// ownEarlierAttempt tells, for a 409 to a create, whether the option is
// there because an earlier attempt of the same request was committed and
// its answer lost. Absent just before the create, it can only be that (or a
// simultaneous create of the very same option elsewhere). When the list
// could not be read, only a 409 that followed retries is taken as the
// create's own: a 409 to the first attempt shows the option was there
// before, while earlier attempts that went unanswered or failed with 5xx
// may have been committed.
func ownEarlierAttempt(conflict *p0.APIError, existedBefore, knownBefore bool) bool {
	if knownBefore {
		return !existedBefore
	}
	return conflict.Attempts > 1
}

func (r *expiryOptionResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[expiryOptionModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read Expiry Option")
	if op.Failed() {
		return
	}

	time, unit, key := state.option()
	options, err := r.Client.ListExpiryOptions(ctx)
	if p0.IsUnsupportedRead(err) {
		noteDriftUndetectable(ctx, expiryOptionsRead, err)
		framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
		return
	}
	if err != nil {
		op.APIError(fmt.Sprintf("reading expiry option %q", key), err)
		return
	}
	found, ok := findExpiryOption(options, time, unit)
	if !ok {
		tflog.Info(ctx, "expiry option no longer exists in P0; removing it from state", map[string]any{"key": key})
		framework.Forget(ctx, &resp.State, resp.Identity, state.Identity(), &resp.Diagnostics)
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, modelFromExpiryOption(found), &resp.Diagnostics)
}

// Update is never called: every configurable attribute forces replacement.
func (r *expiryOptionResource) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("Unable to Update Expiry Option",
		"Expiry options cannot be changed in place; a change of time or unit replaces the option. This is a bug in the provider; please report it.")
}

func (r *expiryOptionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[expiryOptionModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Delete Expiry Option")
	if op.Failed() {
		return
	}

	time, unit, key := state.option()
	err := r.Client.DeleteExpiryOption(ctx, time, unit)
	switch {
	case errors.Is(err, p0.ErrStillListed):
		op.Fail(fmt.Sprintf("While deleting expiry option %q (%s), P0 answered that it "+
			"was deleted, but still lists it: %s.\n\nThe provider tried both forms of key the API may take. Remove "+
			"the option in P0 by hand, then run terraform apply again; report this to P0 support if it stays.", key, state.Value.ValueString(), err))
	case err != nil:
		op.APIError(fmt.Sprintf("deleting expiry option %q", key), err)
	}
}

// ImportState takes P0's key, such as 2h; Read fills in the display text and
// drops the import if no such option exists.
func (r *expiryOptionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := framework.ImportedID[expiryOptionIdentity](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	time, unit, err := parseExpiryID(id)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", err.Error())
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, modelFromExpiryOption(p0.Duration{Time: time, Unit: unit}), &resp.Diagnostics)
}
