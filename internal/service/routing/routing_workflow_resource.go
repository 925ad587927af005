package routing

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingWorkflowResource manages the whole routing workflow, in order,
// through GET and POST /o/{org}/routing.
type routingWorkflowResource struct{ framework.ResourceBase }

// NewRoutingWorkflowResource returns the p0_routing_workflow resource.
// workflowVersionKey is the private state key that holds the version of
// the routing workflow that p0_routing_workflow's state shows; its next
// save names it, so that P0 refuses the save (409) when the workflow
// changed since.
const workflowVersionKey = "workflow_version"

func NewRoutingWorkflowResource() resource.Resource {
	return &routingWorkflowResource{framework.ResourceNamed("routing_workflow")}
}

var (
	_ resource.ResourceWithConfigure      = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithImportState    = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithIdentity       = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithValidateConfig = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*routingWorkflowResource)(nil)
)

// Create replaces whatever rules the organization has with the
// configuration's. No refresh came before it, so it reads the current
// version first: the save is refused rather than overwriting a change made
// between that read and the save. What P0 holds that the provider does not
// model, in the workflow and in the rules the configuration names, is kept.
func (r *routingWorkflowResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[routingWorkflowResourceModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Create Routing Workflow")
	if op.Failed() {
		return
	}
	if current := r.current(ctx, op); current != nil {
		r.save(ctx, current.CurrentVersion(), heldIn(*current), plan, workflowResponse{&resp.State, resp.Identity, resp.Private}, op)
	}
}

// current reads the workflow as P0 holds it now; it is nil after op
// reported a failed read.
func (r *routingWorkflowResource) current(ctx context.Context, op framework.Operation) *p0.Workflow {
	current, err := r.Client.GetWorkflow(ctx)
	if err != nil {
		op.APIError("reading the routing workflow", err)
		return nil
	}
	return current
}

func (r *routingWorkflowResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	op := r.Start(&resp.Diagnostics, "Unable to Read Routing Workflow")
	if op.Failed() {
		return
	}
	current := r.current(ctx, op)
	if current == nil {
		return
	}
	// Every change in P0 makes a new version, so the same version is the
	// same workflow.
	if framework.SameAsStored(ctx, req.Private, r.ReadDigest([]byte(current.CurrentVersion())), &resp.Diagnostics) {
		framework.Keep(ctx, resp.Identity, framework.OrgIdentity{Org: types.StringValue(r.Client.Org())}, &resp.Diagnostics) // the state is built from this very version
		return
	}
	r.storeWorkflow(ctx, *current, current.CurrentVersion(), workflowResponse{&resp.State, resp.Identity, resp.Private}, op)
}

// storeWorkflow stores the workflow P0 holds at version, what it holds that
// the provider does not model, and the version, which the next save names
// and whose digest tells the next refresh whether anything changed.
func (r *routingWorkflowResource) storeWorkflow(ctx context.Context, workflow p0.Workflow, version string, resp workflowResponse, op framework.Operation) {
	warnUnreadableRules(op.Diags, "the routing workflow", workflow.Rules)
	framework.Store(ctx, resp.state, resp.identity, workflowResourceModel(r.Client.Org(), workflow.Rules), op.Diags)
	op.Diags.Append(framework.SetPrivate(ctx, resp.private, workflowVersionKey, version)...)
	framework.RememberUnmanaged(ctx, resp.private, heldIn(workflow), op.Diags)
	framework.RecordDigest(ctx, resp.private, r.ReadDigest([]byte(version)), op.Diags)
}

// Update saves the configured rules in place of the workflow version the
// plan was made from. On a failure the state stays as it was.
func (r *routingWorkflowResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, op := framework.Begin[routingWorkflowResourceModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Update Routing Workflow")
	if op.Failed() {
		return
	}
	version, held := r.lastRead(ctx, req.Private, op)
	if !op.Failed() {
		r.save(ctx, version, held, plan, workflowResponse{&resp.State, resp.Identity, resp.Private}, op)
	}
}

// Delete saves an empty rule list: P0 always has a workflow, and without
// the resource the organization has no routing rules. The workflow's own
// fields are kept.
func (r *routingWorkflowResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	op := r.Start(&resp.Diagnostics, "Unable to Delete Routing Workflow")
	if op.Failed() {
		return
	}
	version, held := r.lastRead(ctx, req.Private, op)
	if op.Failed() {
		return
	}
	if _, err := r.saveRules(ctx, version, held.workflow(nil)); err != nil {
		r.saveError(op, err)
	}
}

// lastRead is what the last refresh (or save) left in private state: the
// version it read, and what P0 held that the provider does not model.
func (r *routingWorkflowResource) lastRead(ctx context.Context, private framework.PrivateReader, op framework.Operation) (string, heldWorkflow) {
	version, diags := framework.GetPrivate[string](ctx, private, workflowVersionKey)
	op.Diags.Append(diags...)
	held := framework.HeldUnmanaged[heldWorkflow](ctx, private, op.Diags)
	if held == nil {
		return version, heldWorkflow{}
	}
	return version, *held
}

// workflowResponse is where a save stores what P0 answered.
type workflowResponse struct {
	state    *tfsdk.State
	identity *tfsdk.ResourceIdentity
	private  framework.PrivateWriter
}

// save saves the planned rules, with what held keeps, in place of version,
// and on success stores P0's answer and the new version.
func (r *routingWorkflowResource) save(ctx context.Context, version string, held heldWorkflow, plan routingWorkflowResourceModel,
	resp workflowResponse, op framework.Operation) {
	workflow := held.workflow(rulesFromWorkflowModel(plan))
	saved, err := r.saveRules(ctx, version, workflow)
	if err != nil {
		r.saveError(op, err)
		return
	}
	// P0 answers a save with the rules alone; the workflow's own fields
	// are as sent.
	r.storeWorkflow(ctx, p0.Workflow{Rules: saved.Rules, Unmanaged: workflow.Unmanaged}, saved.Version, resp, op)
}

// saveRules sends one POST /routing. When P0 answers 409 to a save that was
// sent more than once, an earlier attempt may have been committed and its
// answer lost (then the version named is stale because of this very save):
// the workflow is read, and if it holds exactly these rules, the save is
// done. A save whose answer carries no version is followed by a read for
// it, as the next save must name it.
func (r *routingWorkflowResource) saveRules(ctx context.Context, version string, workflow p0.Workflow) (*p0.SaveWorkflowResponse, error) {
	saved, err := r.Client.SaveWorkflow(ctx, version, workflow)
	if err == nil && saved.Version != "" {
		return saved, nil
	}
	var apiErr *p0.APIError
	retriedConflict := errors.As(err, &apiErr) && errors.Is(err, p0.ErrConflict) && apiErr.Attempts > 1
	if err != nil && !retriedConflict {
		return nil, err
	}
	current, readErr := r.Client.GetWorkflow(ctx)
	if readErr != nil {
		return nil, errors.Join(err, readErr)
	}
	if retriedConflict {
		if !framework.SameJSON(current.Rules, workflow.Rules) {
			return nil, err
		}
		tflog.Info(ctx, "the routing workflow holds the rules saved: an earlier attempt of this save was committed and its answer lost")
	}
	return &p0.SaveWorkflowResponse{Rules: current.Rules, Version: current.CurrentVersion()}, nil
}

// saveError reports a failed save. A 409 is a change made since the plan;
// P0's message, which names workflow versions, is left out: they mean
// nothing to the user.
func (r *routingWorkflowResource) saveError(op framework.Operation, err error) {
	if apiErr := (*p0.APIError)(nil); errors.As(err, &apiErr) && errors.Is(apiErr, p0.ErrConflict) {
		op.Fail(fmt.Sprintf("P0 answered %d %s: the routing workflow changed after Terraform last read it, "+
			"in P0 or by another run. Nothing was saved, and the state is as it was.\n\n"+
			"Run terraform plan again to see the change, and apply the new plan if it is what you want: "+
			"applying replaces the routing with the configuration.", apiErr.StatusCode, http.StatusText(apiErr.StatusCode)))
		return
	}
	op.APIError("saving the routing workflow", err)
}

// ModifyPlan refuses a group requestor named by nothing, unless P0 holds
// the rule of its name that way (see requireGroupNamed); and warns, in a
// plan that changes the workflow, about the fields P0 holds in it and in
// its rules that the provider does not model: what the save keeps, and
// what it cannot.
func (r *routingWorkflowResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	requireGroupsNamed(ctx, req.Config, sync.OnceValue(func() *heldWorkflow {
		return framework.HeldUnmanaged[heldWorkflow](ctx, req.Private, &resp.Diagnostics)
	}), &resp.Diagnostics)
	framework.WarnKeptInPlan(ctx, req, resp, nil, func(plan routingWorkflowResourceModel, held heldWorkflow, _ bool) (string, framework.KeptInPlan) {
		return "the routing workflow", held.kept(rulesFromWorkflowModel(plan))
	})
}

// ImportState takes the organization id, which must be the provider's.
func (r *routingWorkflowResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	r.ImportByOrg(ctx, req, resp, "p0_routing_workflow", "The routing workflow is")
}
