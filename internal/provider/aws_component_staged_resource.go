package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

func (r *awsComponentStagedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := begin[awsComponentStagedModel](ctx, r.base, req.Plan, &resp.Diagnostics, "Unable to Stage AWS Component")
	if op.failed() {
		return
	}

	// An item that already exists is adopted as it is, whatever its state.
	target := plan.withID()
	if err := stageAWSItem(ctx, r.client, target); err != nil {
		op.apiError("staging "+target.describe(), err)
		return
	}
	got, err := r.client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		op.apiError("reading "+target.describe()+" after staging it", err)
		return
	}
	store(ctx, &resp.State, resp.Identity, stagedModel(target, *got), &resp.Diagnostics)
}

func (r *awsComponentStagedResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := begin[awsComponentStagedModel](ctx, r.base, req.State, &resp.Diagnostics, "Unable to Read Staged AWS Component")
	if op.failed() {
		return
	}

	if got := readAWSItem(ctx, state.awsItemTarget, r.client.GetAWSComponent, resp, op); got != nil {
		store(ctx, &resp.State, resp.Identity, stagedModel(state.awsItemTarget, *got), &resp.Diagnostics)
	}
}

// Update is never called with a change to make: every configurable
// attribute forces replacement. The state stays as it is.
func (r *awsComponentStagedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state awsComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
}

func (r *awsComponentStagedResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := begin[awsComponentStagedModel](ctx, r.base, req.State, &resp.Diagnostics, "Unable to Delete Staged AWS Component")
	if !op.failed() {
		deleteAWSItem(ctx, r.client, state.awsItemTarget, op)
	}
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *awsComponentStagedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
}
