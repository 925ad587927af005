package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

func (r *awsComponentStagedResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	const noMetadata = " `null` for components that need no role (`access-logs`, `inventory`), whose staged item comes without metadata."
	attributes := awsItemAttributes("to stage", map[string]schema.Attribute{
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
	resp.Schema = framework.Typed(resp.Schema)
}

func (r *awsComponentStagedResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = awsItemIdentitySchema
}
