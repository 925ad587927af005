package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var (
	_ resource.ResourceWithConfigure      = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentStagedResource)(nil)
)

// awsComponentStagedResource stages one item of an AWS integration
// component (PUT .../config/{component}/{id}) and exposes the metadata P0
// generates for it: the IAM role the AWS side must create.
type awsComponentStagedResource struct {
	client *p0.Client
}

// NewAWSComponentStagedResource returns the p0_aws_component_staged resource.
func NewAWSComponentStagedResource() resource.Resource {
	return &awsComponentStagedResource{}
}

// awsComponentStagedModel is p0_aws_component_staged's state.
type awsComponentStagedModel struct {
	awsItemTarget
	Label            types.String `tfsdk:"label"`
	State            types.String `tfsdk:"state"`
	RoleName         types.String `tfsdk:"role_name"`
	TrustPolicy      types.String `tfsdk:"trust_policy"`
	InlinePolicy     types.String `tfsdk:"inline_policy"`
	InlinePolicyName types.String `tfsdk:"inline_policy_name"`
	ServiceAccountID types.String `tfsdk:"service_account_id"`
}

// stagedModel maps P0's answer for the item named by target to the state.
func stagedModel(target awsItemTarget, got p0.AWSComponentItem) awsComponentStagedModel {
	return awsComponentStagedModel{
		awsItemTarget:    target,
		Label:            optionalString(got.Item.Label),
		State:            types.StringValue(got.Item.State),
		RoleName:         optionalString(got.Metadata.RoleName),
		TrustPolicy:      optionalString(got.Metadata.TrustPolicy),
		InlinePolicy:     optionalString(got.Metadata.InlinePolicy),
		InlinePolicyName: optionalString(got.Metadata.InlinePolicyName),
		ServiceAccountID: optionalString(got.Metadata.ServiceAccountID),
	}
}

func (r *awsComponentStagedResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_aws_component_staged"
}

func (r *awsComponentStagedResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const noMetadata = " `null` for components whose staged item comes without metadata."
	attributes := awsItemTargetAttributes("to stage")
	maps.Copy(attributes, map[string]schema.Attribute{
		"label": schema.StringAttribute{
			MarkdownDescription: "The item's display name in P0, as P0 reports it; `null` when it has none. " +
				"It is set by `p0_aws_component`.",
			Computed: true,
		},
		"state": schema.StringAttribute{
			MarkdownDescription: "The item's state in P0: `stage` once staged, `configure` once P0 has verified " +
				"the AWS side, `installed` once configured (by `p0_aws_component`).",
			Computed: true,
		},
		"role_name": schema.StringAttribute{
			MarkdownDescription: "Name of the IAM role P0 needs in the AWS account (for `aws_iam_role.name`)." + noMetadata,
			Computed:            true,
		},
		"trust_policy": schema.StringAttribute{
			MarkdownDescription: "The role's trust policy, a JSON document that lets P0's service account assume " +
				"the role (for `aws_iam_role.assume_role_policy`)." + noMetadata,
			Computed: true,
		},
		"inline_policy": schema.StringAttribute{
			MarkdownDescription: "The permissions P0 needs, a JSON policy document to attach to the role inline " +
				"(for `aws_iam_role_policy.policy`)." + noMetadata,
			Computed: true,
		},
		"inline_policy_name": schema.StringAttribute{
			MarkdownDescription: "Name of the inline policy (for `aws_iam_role_policy.name`)." + noMetadata,
			Computed:            true,
		},
		"service_account_id": schema.StringAttribute{
			MarkdownDescription: "Unique ID of the Google Cloud service account P0 acts as in AWS, the one the " +
				"trust policy admits." + noMetadata,
			Computed: true,
		},
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Stages one item of a component of P0's AWS integration and exposes what the AWS " +
			"side needs for it: the IAM role (`role_name`, `trust_policy`, `inline_policy`, `inline_policy_name`) " +
			"to create, for example with `aws_iam_role` and `aws_iam_role_policy`, before `p0_aws_component` " +
			"installs the component. The integration root is created when it is missing. " +
			"Every configurable attribute forces replacement.",
		Attributes: attributes,
	}
}

func (r *awsComponentStagedResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *awsComponentStagedResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateAWSItemTarget(ctx, req, resp)
}

func (r *awsComponentStagedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	const summary = "Unable to Stage AWS Component"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var plan awsComponentStagedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// An item that already exists is adopted as it is, whatever its state.
	target := plan.withID()
	if err := stageAWSItem(ctx, r.client, target); err != nil {
		addAPIError(&resp.Diagnostics, summary, "staging "+target.describe(), err)
		return
	}
	got, err := r.client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		addAPIError(&resp.Diagnostics, summary, "reading "+target.describe()+" after staging it", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, stagedModel(target, *got))...)
}

func (r *awsComponentStagedResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to Read Staged AWS Component"
	if r.client == nil {
		addNotConfiguredError(&resp.Diagnostics, summary)
		return
	}
	var state awsComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if got := readAWSItem(ctx, r.client, state.awsItemTarget, resp, summary); got != nil {
		resp.Diagnostics.Append(resp.State.Set(ctx, stagedModel(state.awsItemTarget, *got))...)
	}
}

// Update is never called with a change to make: every configurable
// attribute forces replacement. The state stays as it is.
func (r *awsComponentStagedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var state awsComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *awsComponentStagedResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state awsComponentStagedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deleteAWSItem(ctx, r.client, state.awsItemTarget, &resp.Diagnostics, "Unable to Delete Staged AWS Component")
}

// ImportState takes "<component>/<account_id or function_arn>".
func (r *awsComponentStagedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importAWSItem(ctx, req, resp)
}
