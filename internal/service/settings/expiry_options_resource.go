package settings

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// expiryOptionsResource manages the organization's whole set of expiry
// presets (P0's own provider's p0_expiry_options).
type expiryOptionsResource struct{ framework.ResourceBase }

// NewExpiryOptionsResource returns the p0_expiry_options resource.
func NewExpiryOptionsResource() resource.Resource {
	return &expiryOptionsResource{framework.ResourceNamed("expiry_options")}
}

var (
	_ resource.ResourceWithConfigure      = (*expiryOptionsResource)(nil)
	_ resource.ResourceWithImportState    = (*expiryOptionsResource)(nil)
	_ resource.ResourceWithIdentity       = (*expiryOptionsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*expiryOptionsResource)(nil)
)

func (r *expiryOptionsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[expiryOptionsModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Set Expiry Options")
	if !op.Failed() {
		r.apply(ctx, plan, nil, &resp.State, resp.Identity, op)
	}
}

func (r *expiryOptionsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, prior, op := framework.BeginUpdate[expiryOptionsModel](ctx, r.Base, req, &resp.Diagnostics, "Unable to Set Expiry Options")
	if !op.Failed() {
		r.apply(ctx, plan, prior.Options, &resp.State, resp.Identity, op)
	}
}

// apply makes P0's presets exactly the plan's: it creates what P0 does not
// list and deletes what the plan does not list. Where P0 has no read for
// the list, what it holds is taken to be prior (the state; nothing on a
// create). A failure leaves the state as it was, and the next plan shows
// what is left to do.
func (r *expiryOptionsResource) apply(ctx context.Context, plan expiryOptionsModel, prior []expiryOptionEntry, state *tfsdk.State, identity *tfsdk.ResourceIdentity, op framework.Operation) {
	plan.ID = types.StringValue(r.Client.Org())
	held, listed, err := r.held(ctx, prior)
	if err != nil {
		op.APIError("reading the expiry options", err)
		return
	}
	want := plan.keys()
	for _, e := range plan.Options {
		if slices.Contains(held, e.key()) {
			continue
		}
		err := r.Client.CreateExpiryOption(ctx, e.Time.ValueInt64(), e.Unit.ValueString())
		if errors.Is(err, p0.ErrConflict) {
			tflog.Info(ctx, "expiry option already exists; keeping it", map[string]any{"key": e.key()})
			err = nil
		}
		if err != nil {
			op.APIError(fmt.Sprintf("creating expiry option %q", e.key()), err)
			return
		}
	}
	for _, d := range r.toDelete(held, listed, prior, want) {
		if err := r.Client.DeleteExpiryOption(ctx, d.Time, d.Unit); err != nil {
			op.APIError(fmt.Sprintf("deleting expiry option %q, which the configuration does not list", p0.ExpiryKey(d.Time, d.Unit)), err)
			return
		}
	}
	if listed != nil {
		if now, err := r.Client.ListExpiryOptions(ctx); err == nil {
			plan.Options = readOptions(plan.Options, now)
		} else {
			tflog.Warn(ctx, "could not read the expiry options after setting them; the next refresh does", map[string]any{"error": err.Error()})
		}
	}
	framework.Store(ctx, state, identity, plan, op.Diags)
}

// held are the keys of the presets P0 holds, with P0's list, which is nil
// where P0 has no read for it: then the presets of prior.
func (r *expiryOptionsResource) held(ctx context.Context, prior []expiryOptionEntry) ([]string, []p0.Duration, error) {
	listed, err := r.Client.ListExpiryOptions(ctx)
	if p0.IsUnsupportedRead(err) {
		noteDriftUndetectable(ctx, expiryOptionsRead, err)
		return expiryOptionsModel{Options: prior}.keys(), nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	if listed == nil {
		listed = []p0.Duration{}
	}
	keys := make([]string, len(listed))
	for i, d := range listed {
		keys[i] = p0.ExpiryKey(d.Time, d.Unit)
	}
	return keys, listed, nil
}

// toDelete are the presets P0 holds (held: their keys; listed, P0's list,
// or nil where it has none, then prior) that want does not list.
func (r *expiryOptionsResource) toDelete(held []string, listed []p0.Duration, prior []expiryOptionEntry, want []string) []p0.Duration {
	if listed == nil {
		for _, e := range prior {
			listed = append(listed, p0.Duration{Time: e.Time.ValueInt64(), Unit: e.Unit.ValueString()})
		}
	}
	var out []p0.Duration
	for i, d := range listed {
		if !slices.Contains(want, held[i]) {
			out = append(out, d)
		}
	}
	return out
}

func (r *expiryOptionsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[expiryOptionsModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read Expiry Options")
	if op.Failed() {
		return
	}
	listed, err := r.Client.ListExpiryOptions(ctx)
	switch {
	case p0.IsUnsupportedRead(err):
		noteDriftUndetectable(ctx, expiryOptionsRead, err)
	case err != nil:
		op.APIError("reading the expiry options", err)
		return
	default:
		state.Options = readOptions(state.Options, listed)
	}
	framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
}

// Delete deletes every preset the state holds, going on past failures so
// that one stuck preset does not keep the others; it fails with them all.
func (r *expiryOptionsResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[expiryOptionsModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Delete Expiry Options")
	if op.Failed() {
		return
	}
	for _, e := range state.Options {
		if err := r.Client.DeleteExpiryOption(ctx, e.Time.ValueInt64(), e.Unit.ValueString()); err != nil {
			op.APIError(fmt.Sprintf("deleting expiry option %q", e.key()), err)
		}
	}
}

// ImportState takes the organization id; Read fills in P0's presets.
func (r *expiryOptionsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.ImportByOrg(ctx, req, resp, "p0_expiry_options", "The expiry options are")
}
