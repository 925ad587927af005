package install

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Installed is the engine of an installed resource: one whose item is
// verified and configured. NewInstalled makes one from its spec, which
// gives its schema, identity schema and cross-attribute checks too (see
// specResource).
//
// Create does, in order and skipping what is already done: stage the item
// if P0 does not have it (this resource then staged it), verify it if it is
// staged (waiting while P0 refuses, as the other side's permissions
// propagate), configure it. An interrupted create resumes where it
// stopped. Read removes a resource whose item is gone, and keeps one whose
// item fell back out of installed, so that the plan shows the update that
// installs it again. Delete deletes an item this resource staged, and
// uninstalls one it did not (see Uninstall).
type Installed[M framework.Identified, I framework.Identity] struct {
	specResource[M, InstalledSpec[M]]
}

func (r *Installed[M, I]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := begin[M](ctx, r.Base, req.Plan, &resp.Diagnostics, r.summary("Install"))
	ctx = r.Spec.carrySecrets(ctx, plan)
	ctx, cancel := op.WithTimeout(ctx, r.limit(plan, timeouts.Value.Create), DefaultTimeout)
	defer cancel()
	if op.Failed() {
		return
	}

	// Nothing is saved to state before the item is installed. A create
	// that fails on an item someone else staged is created again by the
	// next apply, which resumes from the state the item was left in; one
	// that fails on an item it staged itself removes it again (see
	// rollBackStage).
	found, stagedHere, ok := r.verifyUnlessDone(ctx, plan, r.verifyBound(plan, "create"), op)
	var installed *p0.Item
	if ok {
		// A configure replaces the whole configuration: what P0 holds that
		// the resource does not model is sent again.
		installed = r.configure(ctx, plan, heldItem(found), op)
	}
	if installed == nil {
		if stagedHere {
			r.rollBackStage(ctx, plan, &resp.Diagnostics)
		}
		return
	}
	r.store(ctx, plan, *installed, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
	resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, stagedHereKey, stagedHere)...)
}

// limit is the timeouts block's limit of one operation, or a default for a
// resource without one.
func (r *Installed[M, I]) limit(m M, operation func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics)) framework.TimeoutFunc {
	return func(ctx context.Context, fallback time.Duration) (time.Duration, diag.Diagnostics) {
		if r.Spec.Timeouts == nil {
			return fallback, nil
		}
		return operation(r.Spec.Timeouts(m), ctx, fallback)
	}
}

// rollBackStage deletes an item this create staged before failing, so that
// a failed create leaves P0 as it found it: once the create has failed,
// nothing would remember who staged the item, and a later destroy would
// leave it staged. The next apply stages it anew. The create's own time
// may be spent, so the rollback has time of its own.
func (r *Installed[M, I]) rollBackStage(ctx context.Context, m M, diags *diag.Diagnostics) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	if err := removeItem(ctx, r.Client, r.Spec.Ref(m)); err != nil {
		diags.AddWarning("Unable to Remove Staged "+r.Spec.Title,
			framework.APIErrorDetail("removing "+r.Spec.Describe(m)+", which this failed create had staged", err)+
				"\n\nThe item stays staged in P0. The next apply installs it; if the configuration no longer "+
				"wants it, delete it in P0.")
		return
	}
	tflog.Info(ctx, "removed the item this failed create had staged", map[string]any{"item": r.Spec.Ref(m).String()})
}

// verifyBound is how long a verification P0 keeps refusing is waited for,
// in an operation whose timeouts block says nothing of its own limit
// (operation: "create" or "update"): the client's VerifyTimeout, 2 minutes,
// where the other side is most likely wrong or missing rather than still
// propagating. A limit the block sets is the bound instead (0: the
// operation's own deadline).
func (r *Installed[M, I]) verifyBound(m M, operation string) time.Duration {
	if r.Spec.Timeouts != nil {
		if t := r.Spec.Timeouts(m); !t.IsNull() && !t.IsUnknown() {
			if limit, ok := t.Attributes()[operation]; ok && !limit.IsNull() {
				return 0
			}
		}
	}
	return r.Client.VerifyTimeout()
}

// verifyUnlessDone brings the item to the configure state or beyond: it
// stages the item if P0 does not have it, and verifies it if it is staged,
// waiting for the other side, for bound when not 0. It returns the item as
// it found it, or as it staged it, whether it staged the item itself, and
// whether the item is ready to configure.
func (r *Installed[M, I]) verifyUnlessDone(ctx context.Context, m M, bound time.Duration, op framework.Operation) (found *p0.Item, stagedHere, ok bool) {
	ref := r.Spec.Ref(m)
	got, err := r.Client.GetItem(ctx, ref)
	var state string
	switch {
	case errors.Is(err, p0.ErrNotFound):
		// An item found by the stage, absent a moment ago, is most likely
		// an earlier attempt's stage whose answer was lost: ours too. A
		// resource that stages settings of its own stages them at once.
		staged, err := stageWith(ctx, r.Client, r.Spec.Spec, m, r.firstStageBody(m))
		if err != nil {
			op.Fail(stageErrorDetail("staging "+r.Spec.Describe(m), err))
			return nil, false, false
		}
		// What the stage set (the settings P0 takes only then), the next
		// steps send again, for a P0 whose configure replaces the item.
		found, stagedHere, state = staged, true, p0.StateStage
	case err != nil:
		op.APIError("reading "+r.Spec.Describe(m), err)
		return nil, false, false
	default:
		found, state = got, got.State()
	}
	if state != p0.StateStage {
		return found, stagedHere, true
	}
	if r.Spec.RestageBody != nil && !stagedHere {
		if _, err := r.Client.StageItem(ctx, ref, keepHeld(r.Spec.RestageBody(m), heldItem(found))); err != nil {
			op.APIError("staging the settings of "+r.Spec.Describe(m), err)
			return found, stagedHere, false
		}
	}
	verifyCtx, cancel := ctx, context.CancelFunc(func() {})
	if bound > 0 {
		verifyCtx, cancel = context.WithTimeout(ctx, bound)
	}
	defer cancel()
	if err := r.Client.VerifyItemWhenReady(verifyCtx, ref, r.verifyBody(m, heldItem(found))); err != nil {
		op.Fail(r.verificationErrorDetail(m, bound, err))
		return found, stagedHere, false
	}
	return found, stagedHere, true
}

// firstStageBody is what the stage of an item that P0 does not have
// sends: the settings the resource stages, where it has its own.
func (r *Installed[M, I]) firstStageBody(m M) any {
	switch {
	case r.Spec.RestageBody != nil:
		return r.Spec.RestageBody(m)
	case r.Spec.StageBody != nil:
		return r.Spec.StageBody(m)
	}
	return nil
}

// verifyBody is what the verification sends: the spec's body, or the
// configuration.
func (r *Installed[M, I]) verifyBody(m M, held p0.Object) any {
	if r.Spec.VerifyBody != nil {
		return r.Spec.VerifyBody(m)
	}
	body, _ := r.Spec.ConfigureBody(m).Keep(held)
	return r.Spec.wrapped(body)
}

// verificationErrorDetail explains a failed verification of m's item (see
// VerificationErrorDetail).
func (r *Installed[M, I]) verificationErrorDetail(m M, bound time.Duration, err error) string {
	advice := ""
	if r.Spec.VerifyAdvice != nil {
		advice = r.Spec.VerifyAdvice(m)
	}
	return VerificationErrorDetail(r.Spec.Describe(m), advice, r.Spec.Timeouts != nil, bound, err)
}

// VerificationErrorDetail explains a failed verification of the item
// object names. When P0 refused it (rather than failing to answer), P0
// kept refusing for bound (0: until the timeouts block's limit ran out), so
// the other side is most likely not set up as P0 needs, and the detail
// says so, with advice on what must exist, and, where the resource has a
// timeouts block, how to wait longer if it is only slow.
func VerificationErrorDetail(object, advice string, timeoutsBlock bool, bound time.Duration, err error) string {
	if !p0.IsVerificationRefusal(err) {
		return framework.APIErrorDetail("verifying "+object, err)
	}
	waited := "until the limit of the timeouts block ran out"
	if bound > 0 {
		waited = "for " + bound.String()
	}
	if advice != "" {
		advice = " " + advice
	}
	detail := framework.AnswerDetail("verifying "+object, err) + "\n\nP0 kept refusing the verification " +
		waited + ", so it is most likely not waiting for permissions to propagate: the other side is not set up as " +
		"P0 needs." + advice + " Correct it and apply again: the item stays staged, and installation resumes with " +
		"verification."
	if timeoutsBlock {
		detail += "\n\nIf the other side is only slow to make the permissions usable, wait longer with a timeouts " +
			"block in the resource: timeouts { create = \"15m\" }."
	}
	return detail
}

// configure sends the item's configuration, with what held (the item as
// P0 last answered it) holds beyond it, and returns the item as P0 now
// holds it, without reading it back: from P0's answer where it carries the
// item, else as sent, since a configure that succeeds leaves the item
// installed with that configuration. It returns nil after op reported a
// failure.
func (r *Installed[M, I]) configure(ctx context.Context, m M, held p0.Object, op framework.Operation) *p0.Item {
	body, _ := r.Spec.ConfigureBody(m).Keep(held)
	got, err := r.Client.ConfigureItem(ctx, r.Spec.Ref(m), r.Spec.wrapped(body))
	if err != nil {
		op.APIError("configuring "+r.Spec.Describe(m), err)
		return nil
	}
	if got != nil && got.State() != "" {
		return got
	}
	sent, err := objectOf(body)
	if err != nil {
		op.Fail(fmt.Sprintf("Encoding the configuration of %s: %s. This is a bug in the provider; please report it.", r.Spec.Describe(m), err))
		return nil
	}
	sent["state"] = []byte(`"` + p0.StateInstalled + `"`)
	return &p0.Item{Item: sent}
}

func (r *Installed[M, I]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Read"))
	if op.Failed() {
		return
	}
	read := r.Client.GetItem
	if r.Spec.FromIntegration {
		read = r.Client.ItemFromIntegration
	}
	got := readItem(ctx, r.Spec.Spec, state, read, resp, op)
	if got == nil {
		return
	}
	imported := framework.JustImported(ctx, req.Private, &resp.Diagnostics)
	if got.State() != p0.StateInstalled && imported {
		resp.Diagnostics.AddError(r.summary("Import"), r.notInstalledDetail(state, got.State()))
		return
	}
	if got.State() != p0.StateInstalled {
		// Kept as found, so that the plan shows the update that installs
		// it again, and the record of who staged it, which a destroy
		// needs, stays with the resource.
		tflog.Warn(ctx, "The item is no longer installed; the next apply installs it again",
			map[string]any{"item": r.Spec.Ref(state).String(), "state": got.State()})
	}
	r.store(ctx, state, *got, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
	if imported {
		framework.ReadSinceImport(ctx, resp.Private, &resp.Diagnostics)
	}
}

// notInstalledDetail explains an import of an item that P0 has but has not
// installed, which this resource cannot hold: how to import it as what it
// is, or install it.
func (r *Installed[M, I]) notInstalledDetail(m M, state string) string {
	resourceType := "p0_" + r.TypeName
	asIs := ""
	if r.Spec.StagedType != "" {
		asIs = "To manage the item as it is, " + framework.ImportCommands(r.Spec.StagedType, m.Identity().ImportID()) + "\n\n"
	}
	return fmt.Sprintf("P0 has %s, but it is not installed: its state is %q, and %s holds installed items only."+
		"\n\n%sTo install it instead, remove the import and apply the %s: creating it takes the item from where it "+
		"is to installed.", r.Spec.Describe(m), state, resourceType, asIs, resourceType)
}

func (r *Installed[M, I]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, prior, op := beginUpdate[M](ctx, r.Base, req, &resp.Diagnostics, r.summary("Update"))
	if op.Failed() {
		return
	}
	ctx = r.Spec.carrySecrets(ctx, plan, prior)
	held := framework.HeldUnmanaged[p0.Item](ctx, req.Private, &resp.Diagnostics)
	reinstall := r.Spec.State(prior) != p0.StateInstalled
	if !reinstall && held != nil && framework.SameJSON(r.Spec.ConfigureBody(plan), r.Spec.ConfigureBody(prior)) {
		// Only what P0 knows nothing of changed (the timeouts): there is
		// nothing to tell P0, and the state is what P0 answered last.
		r.store(ctx, plan, *held, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
		return
	}
	ctx, cancel := op.WithTimeout(ctx, r.limit(plan, timeouts.Value.Update), DefaultTimeout)
	defer cancel()
	if op.Failed() {
		return
	}
	var heldFields p0.Object
	if held != nil {
		heldFields = held.Item
	}
	if reinstall {
		found, ok := r.reinstall(ctx, plan, r.verifyBound(plan, "update"), resp.Private, op)
		if !ok {
			return
		}
		// The configure keeps what P0 holds now: the item as the reinstall
		// found it, or as it staged anew an item that was gone (nothing of
		// the gone item's).
		heldFields = heldItem(found)
	}
	if got := r.configure(ctx, plan, heldFields, op); got != nil {
		r.store(ctx, plan, *got, stored{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
	}
}

// reinstall brings an item that fell back out of installed in P0 (see
// Read) to where a configure installs it, as Create does, and returns it
// as it found it. An item gone since the refresh is staged again, by this
// resource, and the record says so; it returns nil then. It reports false
// after op reported a failure.
func (r *Installed[M, I]) reinstall(ctx context.Context, m M, bound time.Duration, private framework.PrivateWriter, op framework.Operation) (*p0.Item, bool) {
	found, stagedHere, ok := r.verifyUnlessDone(ctx, m, bound, op)
	if stagedHere {
		op.Diags.Append(framework.SetPrivate(ctx, private, stagedHereKey, true)...)
	}
	return found, ok && !op.Failed()
}

func (r *Installed[M, I]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[M](ctx, r.Base, req.State, &resp.Diagnostics, r.summary("Delete"))
	ctx = r.Spec.carrySecrets(ctx, state)
	ctx, cancel := op.WithTimeout(ctx, r.limit(state, timeouts.Value.Delete), DefaultTimeout)
	defer cancel()
	if op.Failed() {
		return
	}
	// Without a record (an imported resource, or state written by an
	// earlier version of the provider) the item is uninstalled rather
	// than taken away from what another resource may be built on.
	stagedHere, diags := framework.GetPrivate[bool](ctx, req.Private, stagedHereKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if stagedHere || r.Spec.uninstallOf(state) == DeleteItem {
		deleteItem(ctx, r.Client, r.Spec.Spec, state, op)
		return
	}
	r.uninstall(ctx, state, heldObject(ctx, req.Private, &resp.Diagnostics), op)
}

// uninstall puts an item that this resource did not stage back in stage,
// so that whatever staged it (a staged resource, and what is built from
// its metadata) sees no change: with a stage of its configuration
// (Rollback), or where P0 has no way to do that, by deleting the item and
// staging it again, which generates the same metadata from the
// organization and the item (were it ever different, the staged
// resource's next refresh would show it, and what is built from it would
// follow).
func (r *Installed[M, I]) uninstall(ctx context.Context, m M, held p0.Object, op framework.Operation) {
	ref := r.Spec.Ref(m)
	if r.Spec.uninstallOf(m) == Rollback {
		body, _ := r.Spec.ConfigureBody(m).Keep(held)
		_, err := r.Client.StageItem(ctx, ref, r.Spec.wrapped(body))
		if err != nil && !errors.Is(err, p0.ErrNotFound) {
			op.APIError("uninstalling "+r.Spec.Describe(m), err)
		}
		return
	}
	if err := removeItem(ctx, r.Client, ref); err != nil {
		op.APIError("uninstalling "+r.Spec.Describe(m), err)
		return
	}
	if err := stage(ctx, r.Client, r.Spec.Spec, m); err != nil {
		op.APIError("staging "+r.Spec.Describe(m)+" again after uninstalling it, for the staged resource that keeps it", err)
	}
}

// ImportState fills in the attributes that name the object from the import
// ID, or the identity, and Read does the rest.
func (r *Installed[M, I]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if importObject[M, I](ctx, r.Spec.Spec, r.Client.Org(), req, resp) {
		resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, framework.ImportedKey, true)...)
	}
}

// ModifyPlan warns, in a plan that reconfigures the item, about the fields
// P0 holds in it that the resource does not model: what the configure
// sends back, and what it cannot. A plan that replaces the item keeps none
// of them.
func (r *Installed[M, I]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	framework.WarnKeptInPlan(ctx, req, resp, r.Spec.Replacing, func(_ M, held p0.Item, replaced bool) (string, framework.KeptInPlan) {
		plan, _ := begin[M](ctx, r.Base, req.Plan, &resp.Diagnostics, r.summary("Plan"))
		if replaced {
			prior := framework.Decode[M](ctx, req.State, &resp.Diagnostics)
			return r.Spec.Describe(prior), framework.ReplacedBy(r.Spec.ConfigureBody(prior).UnmanagedPaths(held.Item))
		}
		_, kept := r.Spec.ConfigureBody(plan).Keep(held.Item)
		return r.Spec.Describe(plan), framework.KeptInPlan{KeptFields: kept}
	})
}

// store saves the state of the item P0 answered, and keeps the item in
// private state for the next write to send back what it holds beyond the
// model.
func (r *Installed[M, I]) store(ctx context.Context, m M, got p0.Item, to stored, diags *diag.Diagnostics) {
	storeItem(ctx, r.Spec.Spec, r.Client.Org(), m, got, to, diags)
}
