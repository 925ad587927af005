package install

import (
	"context"

	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// RootSpec is what a root resource (an integration installed with a body
// of its own: an Azure directory, a GCP organization) tells the engine
// beyond Spec. Its Ref names the integration alone; its Read reads the root
// item (root._) and the integration's metadata.
type RootSpec[M framework.Identified] struct {
	Spec[M]
	// RootBody is the root item's fields, which the install sends as
	// {"root": {"_": {...}}}.
	RootBody func(m M) *Body
	// Same reports whether the root P0 holds (its fields) is the one m
	// describes: a create that meets an integration already installed
	// adopts it when it is, and refuses it otherwise.
	Same func(m M, root Fields) bool
}

// Root is the engine of a root resource: it installs an integration with
// its root item, reads it back, and uninstalls it. Every attribute that
// the install sends forces replacement.
type Root[M framework.Identified, I framework.Identity] struct {
	specResource[M, RootSpec[M]]
}

// Create installs the integration. An integration already installed (by
// an earlier attempt whose answer was lost, or outside Terraform) is
// adopted when its root is the one configured, and refused otherwise,
// with how to import it.
func (r *Root[M, I]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := begin[M](ctx, r.Base, req.Plan, &resp.Diagnostics, r.summary("Install"))
	if op.Failed() {
		return
	}
	key := r.Spec.Ref(plan).Integration
	body := NewBody().Object("root", func(root *Body) {
		root.Object(p0.SingletonID, func(item *Body) { *item = *r.Spec.RootBody(plan) })
	})
	_, err := r.Client.InstallIntegration(ctx, key, body)
	if err != nil && !errors.Is(err, p0.ErrConflict) {
		op.APIError("installing "+r.Spec.Describe(plan), err)
		return
	}
	got, readErr := r.Client.GetIntegration(ctx, key)
	if readErr != nil {
		op.APIError("reading "+r.Spec.Describe(plan)+" after installing it", readErr)
		return
	}
	if err != nil && !r.Spec.Same(plan, Read(got.Root(), "config.root._.")) {
		var conflict *p0.APIError
		errors.As(err, &conflict)
		framework.AlreadyExists(op.Diags, r.summary("Install"), r.Spec.Describe(plan), "p0_"+r.TypeName,
			r.rootID(got), conflict, "P0 already has this integration, installed for another "+
				"directory or organization, outside Terraform or by another configuration. P0 holds one per organization.")
		return
	}
	if err != nil {
		tflog.Info(ctx, "The integration is already installed as configured; adopting it", map[string]any{"integration": key})
	}
	r.store(ctx, plan, *got, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
}

// rootID is the import ID of the root P0 holds.
func (r *Root[M, I]) rootID(got *p0.Integration) string {
	var m M
	m = r.Spec.Read(m, Read(got.Root(), "config.root._."), Read(got.Metadata, "metadata."))
	return m.Identity().ImportID()
}

// store saves the state of the integration as P0 holds it: its root item
// and its metadata.
func (r *Root[M, I]) store(ctx context.Context, m M, got p0.Integration, to stored, diags *diag.Diagnostics) {
	storeItem(ctx, r.Spec.Spec, r.Client.Org(), m, p0.Item{Item: got.Root(), Metadata: got.Metadata}, to, diags)
}

func (r *Root[M, I]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Read"))
	if op.Failed() {
		return
	}
	got, err := r.Client.GetIntegration(ctx, r.Spec.Ref(state).Integration)
	if errors.Is(err, p0.ErrNotFound) || (err == nil && got.Root() == nil) {
		tflog.Info(ctx, "The integration is no longer installed in P0; removing it from state", map[string]any{"integration": r.Spec.Ref(state).Integration})
		framework.Forget(ctx, &resp.State, resp.Identity, state.Identity(), &resp.Diagnostics)
		return
	}
	if err != nil {
		op.APIError("reading "+r.Spec.Describe(state), err)
		return
	}
	if framework.JustImported(ctx, req.Private, &resp.Diagnostics) {
		if !r.Spec.Same(state, Read(got.Root(), "config.root._.")) {
			resp.Diagnostics.AddError(r.summary("Import"), fmt.Sprintf("P0's %s integration is installed for %q, not for %q: "+
				"import it by that id.", r.Spec.Ref(state).Integration, r.rootID(got), state.Identity().ImportID()))
			return
		}
		framework.ReadSinceImport(ctx, resp.Private, &resp.Diagnostics)
	}
	r.store(ctx, state, *got, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
}

// Update is never called with a change for P0: every attribute the install
// sends forces replacement. The state takes the plan.
func (r *Root[M, I]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, _, op := beginUpdate[M](ctx, r.Base, req, &resp.Diagnostics, r.summary("Update"))
	if op.Failed() {
		return
	}
	held := framework.HeldUnmanaged[p0.Item](ctx, req.Private, &resp.Diagnostics)
	if held == nil {
		held = &p0.Item{}
	}
	storeItem(ctx, r.Spec.Spec, r.Client.Org(), plan, *held, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
}

func (r *Root[M, I]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Delete"))
	if op.Failed() {
		return
	}
	err := r.Client.DeleteIntegration(ctx, r.Spec.Ref(state).Integration)
	if err != nil && !errors.Is(err, p0.ErrNotFound) {
		op.APIError("uninstalling "+r.Spec.Describe(state), err)
	}
}

// ImportState takes the root's id (a directory or organization id); Read
// checks that P0's root is that one.
func (r *Root[M, I]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if importObject[M, I](ctx, r.Spec.Spec, r.Client.Org(), req, resp) {
		resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, framework.ImportedKey, true)...)
	}
}
