package aws

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentStagedModel is p0_aws_component_staged's state.
type awsComponentStagedModel struct {
	awsItemTarget
	Label types.String `tfsdk:"label"`
	State types.String `tfsdk:"state"`
	awsMetadataModel
}

// awsMetadataModel is what P0 generates for a staged item: the IAM role the
// AWS side must create. Each is null where P0 gives none.
type awsMetadataModel struct {
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
		Label:            framework.OptionalString(got.Item.Label),
		State:            types.StringValue(got.Item.State),
		awsMetadataModel: metadataModel(got.Metadata),
	}
}

func metadataModel(m p0.AWSMetadata) awsMetadataModel {
	return awsMetadataModel{
		RoleName:         framework.OptionalString(m.RoleName),
		TrustPolicy:      framework.OptionalString(m.TrustPolicy),
		InlinePolicy:     framework.OptionalString(m.InlinePolicy),
		InlinePolicyName: framework.OptionalString(m.InlinePolicyName),
		ServiceAccountID: framework.OptionalString(m.ServiceAccountID),
	}
}
