package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// awsComponentStagedResource stages one item of an AWS integration
// component (PUT .../config/{component}/{id}) and exposes the metadata P0
// generates for it: the IAM role the AWS side must create.
type awsComponentStagedResource struct{ framework.ResourceBase }

// NewAWSComponentStagedResource returns the p0_aws_component_staged resource.
func NewAWSComponentStagedResource() resource.Resource {
	return &awsComponentStagedResource{framework.ResourceNamed("aws_component_staged")}
}

var (
	_ resource.ResourceWithConfigure      = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentStagedResource)(nil)
)

func (r *awsComponentStagedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[awsComponentStagedModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Stage AWS Component")
	if op.Failed() {
		return
	}

	// An item that already exists is adopted as it is, whatever its state.
	target := plan.withID()
	if err := stageAWSItem(ctx, r.Client, target); err != nil {
		op.APIError("staging "+target.describe(), err)
		return
	}
	got, err := r.Client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		op.APIError("reading "+target.describe()+" after staging it", err)
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, stagedModel(target, *got), &resp.Diagnostics)
}

func (r *awsComponentStagedResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[awsComponentStagedModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read Staged AWS Component")
	if op.Failed() {
		return
	}

	if got := readAWSItem(ctx, state.awsItemTarget, r.Client.GetAWSComponent, resp, op); got != nil {
		framework.Store(ctx, &resp.State, resp.Identity, stagedModel(state.awsItemTarget, *got), &resp.Diagnostics)
	}
}

// Update is never called with a change to make: every configurable
// attribute forces replacement. The state stays as it is.
func (r *awsComponentStagedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state awsComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
}

func (r *awsComponentStagedResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[awsComponentStagedModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Delete Staged AWS Component")
	if !op.Failed() {
		deleteAWSItem(ctx, r.Client, state.awsItemTarget, op)
	}
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *awsComponentStagedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
}
