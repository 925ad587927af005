package aws

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
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

// readAWSComponentStaged is the state of m's item as P0 holds it, with the
// metadata P0 generated for it.
func readAWSComponentStaged(m awsComponentStagedModel, item, metadata install.Fields) awsComponentStagedModel {
	return awsComponentStagedModel{
		awsItemTarget: m.withID(),
		Label:         item.NonEmpty("label"),
		State:         item.String("state"),
		awsMetadataModel: awsMetadataModel{
			RoleName:         metadata.NonEmpty("roleName"),
			TrustPolicy:      metadata.NonEmpty("trustPolicy"),
			InlinePolicy:     metadata.NonEmpty("inlinePolicy"),
			InlinePolicyName: metadata.NonEmpty("inlinePolicyName"),
			ServiceAccountID: metadata.NonEmpty("serviceAccountId"),
		},
	}
}
