package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// ValidateConfig checks the item's identifier, and points a label set
// here, where it is read-only, to where it belongs.
func (r *awsComponentStagedResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	validateAWSItemTarget(ctx, req.Config, &resp.Diagnostics)
	if label := path.Root("label"); framework.IsSet[types.String](ctx, req.Config, label) {
		resp.Diagnostics.AddAttributeError(label, "Label Belongs on p0_aws_component",
			"p0_aws_component_staged only reports the item's label. Set label on the p0_aws_component that "+
				"installs the item: it sends the label to P0 when it configures the item.")
	}
}
