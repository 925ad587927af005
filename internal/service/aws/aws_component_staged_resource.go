package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// awsComponentStagedResource stages one item of an AWS integration
// component (PUT .../config/{component}/{id}) and exposes the metadata P0
// generates for it: the IAM role the AWS side must create.
type AWSComponentStagedResource struct{ framework.ResourceBase }

// NewAWSComponentStagedResource returns the p0_aws_component_staged resource.
func NewAWSComponentStagedResource() resource.Resource {
	return &AWSComponentStagedResource{framework.ResourceNamed("aws_component_staged")}
}

var (
	_ resource.ResourceWithConfigure      = (*AWSComponentStagedResource)(nil)
	_ resource.ResourceWithImportState    = (*AWSComponentStagedResource)(nil)
	_ resource.ResourceWithIdentity       = (*AWSComponentStagedResource)(nil)
	_ resource.ResourceWithValidateConfig = (*AWSComponentStagedResource)(nil)
)

func (r *AWSComponentStagedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan, op := framework.Begin[AWSComponentStagedModel](ctx, r.Base, req.Plan, &resp.Diagnostics, "Unable to Stage AWS Component")
	if op.Failed() {
		return
	}

	// An item that already exists is adopted as it is, whatever its state.
	target := plan.WithID()
	if err := stageAWSItem(ctx, r.Client, target); err != nil {
		op.APIError("staging "+target.Describe(), err)
		return
	}
	got, err := r.Client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		op.APIError("reading "+target.Describe()+" after staging it", err)
		return
	}
	framework.Store(ctx, &resp.State, resp.Identity, StagedModel(target, *got), &resp.Diagnostics)
}

func (r *AWSComponentStagedResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, op := framework.Begin[AWSComponentStagedModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Read Staged AWS Component")
	if op.Failed() {
		return
	}

	if got := readAWSItem(ctx, state.AWSItemTarget, r.Client.GetAWSComponent, resp, op); got != nil {
		framework.Store(ctx, &resp.State, resp.Identity, StagedModel(state.AWSItemTarget, *got), &resp.Diagnostics)
	}
}

// Update is never called with a change to make: every configurable
// attribute forces replacement. The state stays as it is.
func (r *AWSComponentStagedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state AWSComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.Store(ctx, &resp.State, resp.Identity, state, &resp.Diagnostics)
}

func (r *AWSComponentStagedResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state, op := framework.Begin[AWSComponentStagedModel](ctx, r.Base, req.State, &resp.Diagnostics, "Unable to Delete Staged AWS Component")
	if !op.Failed() {
		deleteAWSItem(ctx, r.Client, state.AWSItemTarget, op)
	}
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *AWSComponentStagedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
}
