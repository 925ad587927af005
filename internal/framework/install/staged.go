package install

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Staged is the engine of a staged resource: the first half of a
// two-resource install, which stages the item and exposes the metadata P0
// generates for it (the role, permissions or keys the other side must
// hold), so that the other side can be built from it before the installed
// resource verifies it. NewStaged makes one from its spec, which gives its
// schema, identity schema and cross-attribute checks too (see
// specResource).
type Staged[M framework.Identified, I framework.Identity] struct {
	specResource[M, Spec[M]]
}

// Create stages the item. An item that already exists is adopted as it is,
// whatever its state: staging has nothing to say that could disagree
// beyond what the stage sends again.
func (r *Staged[M, I]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := begin[M](ctx, r.Base, req.Plan, &resp.Diagnostics, r.summary("Stage"))
	if op.Failed() {
		return
	}
	r.stageAndStore(ctx, plan, stored{&resp.State, resp.Identity, resp.Private}, op)
}

// stageAndStore stages m's item and stores it as P0 then holds it, with its
// metadata: from a read of the item, which every P0 answers with both.
func (r *Staged[M, I]) stageAndStore(ctx context.Context, m M, to stored, op framework.Operation) {
	ctx = r.Spec.carrySecrets(ctx, m)
	if err := stage(ctx, r.Client, r.Spec, m); err != nil {
		op.Fail(stageErrorDetail("staging "+r.Spec.Describe(m), err))
		return
	}
	got, err := r.Client.GetItem(ctx, r.Spec.Ref(m))
	if err != nil {
		op.APIError("reading "+r.Spec.Describe(m)+" after staging it", err)
		return
	}
	storeItem(ctx, r.Spec, r.Client.Org(), m, *got, to, op.Diags)
}

func (r *Staged[M, I]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Read"))
	if op.Failed() {
		return
	}
	if got := readItem(ctx, r.Spec, state, r.Client.GetItem, resp, op); got != nil {
		storeItem(ctx, r.Spec, r.Client.Org(), state, *got, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
	}
}

// Update stages the item again with what changed, as P0's client does for
// the staged resources whose settings change in place; where the stage
// sends nothing new, the state takes the plan's own changes.
func (r *Staged[M, I]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, prior, op := beginUpdate[M](ctx, r.Base, req, &resp.Diagnostics, r.summary("Update"))
	if op.Failed() {
		return
	}
	held := framework.HeldUnmanaged[p0.Item](ctx, req.Private, &resp.Diagnostics)
	if held != nil && (r.Spec.StageBody == nil || framework.SameJSON(r.Spec.StageBody(plan), r.Spec.StageBody(prior))) {
		storeItem(ctx, r.Spec, r.Client.Org(), plan, *held, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
		return
	}
	r.stageAndStore(ctx, plan, stored{&resp.State, resp.Identity, resp.Private}, op)
}

func (r *Staged[M, I]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Delete"))
	if !op.Failed() {
		deleteItem(ctx, r.Client, r.Spec, state, op)
	}
}

// ImportState fills in the attributes that name the object from the import
// ID, or the identity, and Read does the rest.
func (r *Staged[M, I]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importObject[M, I](ctx, r.Spec, r.Client.Org(), req, resp)
}
