package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentResource installs one item of an AWS integration component:
// stage, verify and configure, each skipped when already done.
type awsComponentResource struct{ framework.ResourceBase }

// NewAWSComponentResource returns the p0_aws_component resource.
func NewAWSComponentResource() resource.Resource {
	return &awsComponentResource{framework.ResourceNamed("aws_component")}
}

var (
	_ resource.ResourceWithConfigure      = (*awsComponentResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*awsComponentResource)(nil)
)

// stagedHereKey is the private state key that records whether a
// p0_aws_component staged its item itself, which decides what destroying
// it leaves: an item it staged is deleted, and an item someone else staged
// (a p0_aws_component_staged, which stays) is put back in stage. P0 does
// not say who staged an item.
const stagedHereKey = "staged_here"

// defaultAWSComponentTimeout bounds create, update and delete when the
// timeouts block does not. One request may spend minutes in retries when
// P0 throttles, so the bound is generous.
const defaultAWSComponentTimeout = 10 * time.Minute

// rollbackTimeout bounds undoing the stage of a create that failed.
const rollbackTimeout = 2 * time.Minute

func (r *awsComponentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[awsComponentModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Install AWS Component")
	ctx, cancel := op.WithTimeout(ctx, plan.Timeouts.Create, defaultAWSComponentTimeout)
	defer cancel()
	if op.Failed() {
		return
	}

	// Nothing is saved to state before the item is installed. A create
	// that fails on an item someone else staged is created again by the
	// next apply, which resumes from the state the item was left in; one
	// that fails on an item it staged itself removes it again (see
	// rollBackStage).
	target := plan.withID()
	want := awsItemFromModel(plan)
	found, stagedHere, ok := r.verifyUnlessDone(ctx, target, r.verifyBound(plan.Timeouts, "create"), op)
	if found != nil {
		// A configure replaces the whole configuration: what P0 holds that
		// the provider does not model is sent again, and so is the label
		// P0 has when the configuration leaves it out.
		want, _ = want.KeepUnmanaged(*found)
		if plan.Label.IsUnknown() {
			want.Label = found.Label
		}
	}
	var installed *p0.AWSItem
	if ok {
		installed = r.configure(ctx, target, want, op)
	}
	if installed == nil {
		if stagedHere {
			r.rollBackStage(ctx, target, &resp.Diagnostics)
		}
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, componentModel(target, *installed, plan.Timeouts), &resp.Diagnostics)
	resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, stagedHereKey, stagedHere)...)
	framework.RememberUnmanaged(ctx, resp.Private, *installed, &resp.Diagnostics)
}

// rollBackStage deletes an item this create staged before failing, so that
// a failed create leaves P0 as it found it: once the create has failed,
// nothing would remember who staged the item, and a later destroy would
// leave it staged. The next apply stages it anew. The create's own time
// may be spent, so the rollback has time of its own.
func (r *awsComponentResource) rollBackStage(ctx context.Context, target awsItemTarget, diags *diag.Diagnostics) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
	defer cancel()
	if err := removeAWSItem(ctx, r.Client, target); err != nil {
		diags.AddWarning("Unable to Remove Staged AWS Component", framework.APIErrorDetail("removing "+target.describe()+", which this failed create had staged", err)+
			"\n\nThe item stays staged in P0. The next apply installs it; if the configuration no longer "+
			"wants it, delete it in P0.")
		return
	}
	tflog.Info(ctx, "removed the AWS component item this failed create had staged", map[string]any{"id": target.ID.ValueString()})
}

// verifyBound is how long a verification P0 keeps refusing is waited for,
// in an operation whose timeouts block says nothing of its own limit
// (operation: "create" or "update"): the client's VerifyTimeout, 2 minutes,
// where the role P0 needs is most likely wrong or missing rather than still
// propagating. A limit the block sets is the bound instead (0: the
// operation's own deadline).
func (r *awsComponentResource) verifyBound(t timeouts.Value, operation string) time.Duration {
	if !t.IsNull() && !t.IsUnknown() {
		if limit, ok := t.Attributes()[operation]; ok && !limit.IsNull() {
			return 0
		}
	}
	return r.Client.VerifyTimeout()
}

// verifyUnlessDone brings the item to the configure state or beyond: it
// stages the item if P0 does not have it, and verifies it if it is staged,
// waiting for AWS to make a new role usable, for bound when not 0. It
// returns the item as it found it (nil when it did not find it), whether
// it staged the item itself, and whether the item is ready to configure.
func (r *awsComponentResource) verifyUnlessDone(ctx context.Context, target awsItemTarget, bound time.Duration, op framework.Operation) (found *p0.AWSItem, stagedHere, ok bool) {
	component, itemID := target.Component.ValueString(), target.itemID()
	got, err := r.Client.GetAWSComponent(ctx, component, itemID)
	var state string
	switch {
	case errors.Is(err, p0.ErrNotFound):
		// An item found by the stage, absent a moment ago, is most likely
		// an earlier attempt's stage whose answer was lost: ours too.
		if err := stageAWSItem(ctx, r.Client, target); err != nil {
			op.APIError("staging "+target.describe(), err)
			return nil, false, false
		}
		stagedHere, state = true, p0.StateStage
	case err != nil:
		op.APIError("reading "+target.describe(), err)
		return nil, false, false
	default:
		found, state = &got.Item, got.Item.State
	}
	if state != p0.StateStage {
		return found, stagedHere, true
	}
	verifyCtx, cancel := ctx, context.CancelFunc(func() {})
	if bound > 0 {
		verifyCtx, cancel = context.WithTimeout(ctx, bound)
	}
	defer cancel()
	if err := r.Client.VerifyAWSComponentWhenReady(verifyCtx, component, itemID); err != nil {
		op.Fail(verificationErrorDetail(target, bound, err))
		return found, stagedHere, false
	}
	return found, stagedHere, true
}

// verificationErrorDetail explains a failed verification. When P0 refused
// it (rather than failing to answer), P0 kept refusing for bound (0: until
// the timeouts block's limit ran out), so the AWS side is most likely not
// set up as P0 needs, and the detail says what must exist, and how to wait
// longer if it is only slow.
func verificationErrorDetail(target awsItemTarget, bound time.Duration, err error) string {
	if !p0.IsVerificationRefusal(err) {
		return framework.APIErrorDetail("verifying "+target.describe(), err)
	}
	waited := "until the limit of the timeouts block ran out"
	if bound > 0 {
		waited = "for " + bound.String()
	}
	return framework.AnswerDetail("verifying "+target.describe(), err) + "\n\nP0 kept refusing the verification " + waited + ", so it is " +
		"most likely not waiting for AWS to catch up: the AWS side is not set up as P0 needs. " + roleRequirement(target) +
		" Create or correct it, for example with aws_iam_role and aws_iam_role_policy built from the " +
		"p0_aws_component_staged attributes, make this resource depend on them, and apply again: the item stays " +
		"staged, and installation resumes with verification.\n\nIf AWS is only slow to make the role usable, wait " +
		"longer with a timeouts block in the p0_aws_component: timeouts { create = \"15m\" }."
}

// roleRequirement says what P0 needs on the AWS side to verify target.
func roleRequirement(target awsItemTarget) string {
	return fmt.Sprintf("P0 verifies a component by using the IAM role that p0_aws_component_staged describes "+
		"(its role_name, trust_policy and inline_policy). That role must exist in AWS account %s, exactly as "+
		"described, before P0 can verify component %q.", target.account(), target.Component.ValueString())
}

// configure sends the item's configuration and returns the item as P0 now
// holds it, without reading it back: from P0's answer where it carries the
// item, else as sent, since a configure that succeeds leaves the item
// installed with that configuration. It returns nil after op reported a
// failure.
func (r *awsComponentResource) configure(ctx context.Context, target awsItemTarget, want p0.AWSItem, op framework.Operation) *p0.AWSItem {
	got, err := r.Client.ConfigureAWSComponent(ctx, target.Component.ValueString(), target.itemID(), want)
	if err != nil {
		op.APIError("configuring "+target.describe(), err)
		return nil
	}
	if got != nil && got.State != "" {
		return got
	}
	want.State = p0.StateInstalled
	return &want
}

func (r *awsComponentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[awsComponentModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read AWS Component")
	if op.Failed() {
		return
	}

	target := state.awsItemTarget
	// Installed items are read from the whole integration, which one
	// request serves to every p0_aws_component refreshed in an operation.
	got := readAWSItem(ctx, target, r.Client.AWSItemFromIntegration, resp, op)
	if got == nil {
		return
	}
	imported := framework.JustImported(ctx, req.Private, &resp.Diagnostics)
	if got.State != p0.StateInstalled && imported {
		resp.Diagnostics.AddError("Unable to Import AWS Component", notInstalledDetail(target, got.State))
		return
	}
	if got.State != p0.StateInstalled {
		// Kept as found, so that the plan shows the update that installs
		// it again (see installedOnceApplied), and the record of who
		// staged it, which a destroy needs, stays with the resource.
		tflog.Warn(ctx, "AWS component item is no longer installed; the next apply installs it again",
			map[string]any{"id": target.ID.ValueString(), "state": got.State})
	}
	framework.Store(ctx, &resp.State, resp.Identity, componentModel(target, *got, state.Timeouts), &resp.Diagnostics)
	framework.RememberUnmanaged(ctx, resp.Private, *got, &resp.Diagnostics)
	if imported {
		framework.ReadSinceImport(ctx, resp.Private, &resp.Diagnostics)
	}
}

// notInstalledDetail explains an import of an item that P0 has but has not
// installed, which p0_aws_component cannot hold: how to import it as what
// it is, or install it.
func notInstalledDetail(target awsItemTarget, state string) string {
	return fmt.Sprintf("P0 has %s, but it is not installed: its state is %q, and p0_aws_component holds installed "+
		"items only.\n\nTo manage the item as it is, %s\n\nTo install it instead, remove the import and apply "+
		"the p0_aws_component: creating it takes the item from where it is to installed.",
		target.describe(), state, framework.ImportCommands("p0_aws_component_staged", target.ID.ValueString()))
}

func (r *awsComponentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, state, op := framework.BeginUpdate[awsComponentModel](ctx, r.Base, req, &resp.Diagnostics, "Unable to Update AWS Component")
	if op.Failed() {
		return
	}
	want := awsItemFromModel(plan)
	if held := framework.HeldUnmanaged[p0.AWSItem](ctx, req.Private, &resp.Diagnostics); held != nil {
		want, _ = want.KeepUnmanaged(*held)
	}
	reinstall := state.State.ValueString() != p0.StateInstalled
	if !reinstall && framework.SameJSON(want, awsItemFromModel(state)) {
		// Only the timeouts changed: there is nothing to tell P0.
		state.Timeouts = plan.Timeouts
		framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
		return
	}
	ctx, cancel := op.WithTimeout(ctx, plan.Timeouts.Update, defaultAWSComponentTimeout)
	defer cancel()
	if op.Failed() {
		return
	}

	target := state.awsItemTarget
	if reinstall {
		found, ok := r.reinstall(ctx, target, r.verifyBound(plan.Timeouts, "update"), resp.Private, op)
		if !ok {
			return
		}
		// The configure keeps what P0 holds now: the item as the reinstall
		// found it, or nothing of an item that was gone and is staged anew.
		want = awsItemFromModel(plan)
		if found != nil {
			want, _ = want.KeepUnmanaged(*found)
		}
	}
	if got := r.configure(ctx, target, want, op); got != nil {
		framework.Store(ctx, &resp.State, resp.Identity, componentModel(target, *got, plan.Timeouts), &resp.Diagnostics)
		framework.RememberUnmanaged(ctx, resp.Private, *got, &resp.Diagnostics)
	}
}

// ModifyPlan warns, in a plan that reconfigures the item, about the fields
// P0 holds in it that the provider does not model: what the configure
// sends back, and what it cannot. A plan that replaces the item (another
// account or component) keeps none of them: the old item goes back to
// staged, and the new one holds what P0 holds in it.
func (r *awsComponentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	replacing := []path.Path{path.Root("component"), path.Root("account_id"), path.Root("function_arn")}
	framework.WarnKeptInPlan(ctx, req, resp, replacing, func(plan awsComponentModel, held p0.AWSItem, replaced bool) (string, framework.KeptInPlan) {
		if replaced {
			state := framework.Decode[awsComponentModel](ctx, req.State, &resp.Diagnostics)
			return state.describe(), framework.ReplacedBy(held.UnmanagedFields())
		}
		_, kept := awsItemFromModel(plan).KeepUnmanaged(held)
		return plan.describe(), framework.KeptInPlan{KeptFields: kept}
	})
}

// reinstall brings an item that fell back out of installed in P0 (see
// Read) to where a configure installs it, as Create does, and returns it
// as it found it. An item gone since the refresh is staged again, by this
// resource, and the record says so; it returns nil then. It reports false
// after op reported a failure.
func (r *awsComponentResource) reinstall(ctx context.Context, target awsItemTarget, bound time.Duration, private framework.PrivateWriter, op framework.Operation) (*p0.AWSItem, bool) {
	found, stagedHere, ok := r.verifyUnlessDone(ctx, target, bound, op)
	if stagedHere {
		op.Diags.Append(framework.SetPrivate(ctx, private, stagedHereKey, true)...)
	}
	return found, ok && !op.Failed()
}

func (r *awsComponentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[awsComponentModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Delete AWS Component")
	ctx, cancel := op.WithTimeout(ctx, state.Timeouts.Delete, defaultAWSComponentTimeout)
	defer cancel()
	if op.Failed() {
		return
	}
	// Without a record (an imported resource, or state written by an
	// earlier version of the provider) the item is left staged rather than
	// take away what another resource may be built on.
	stagedHere, diags := framework.GetPrivate[bool](ctx, req.Private, stagedHereKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	target := state.awsItemTarget
	if stagedHere {
		deleteAWSItem(ctx, r.Client, target, op)
		return
	}
	r.uninstall(ctx, target, op)
}

// uninstall puts an item that this resource did not stage back in stage,
// with its metadata, so that whatever staged it (a p0_aws_component_staged,
// and the IAM role built from its metadata) sees no change. The documents
// have no way to uninstall an item in place, nor say what a stage of an
// existing item does, so the item is deleted and staged again. Staging
// generates the item's metadata from the organization and the item, the
// same again; were it ever different, the staged resource's next refresh
// would show it, and what is built from it would follow.
func (r *awsComponentResource) uninstall(ctx context.Context, target awsItemTarget, op framework.Operation) {
	if err := removeAWSItem(ctx, r.Client, target); err != nil {
		op.APIError("uninstalling "+target.describe(), err)
		return
	}
	if err := stageAWSItem(ctx, r.Client, target); err != nil {
		op.APIError("staging "+target.describe()+" again after uninstalling it, for the "+
			"p0_aws_component_staged that keeps it", err)
	}
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *awsComponentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
	resp.Diagnostics.Append(framework.SetPrivate(ctx, resp.Private, framework.ImportedKey, true)...)
}
