package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func (a *accessRequestAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Requests just-in-time access through P0's Command API when the action is " +
			"invoked (`terraform apply -invoke=action.p0_access_request.<name>`) or triggered by a resource's " +
			"`action_trigger`; never by a plan. Use it where a pipeline needs access for the apply alone. The " +
			"`p0_access_request` ephemeral resource takes the same arguments and returns P0's answer to other " +
			"blocks, but Terraform opens it during every plan as well as every apply.",
		Attributes: map[string]schema.Attribute{
			"argv": schema.ListAttribute{
				MarkdownDescription: argvDescription,
				Required:            true,
				ElementType:         types.StringType,
				Validators:          argvValidators,
			},
			"reason": schema.StringAttribute{
				MarkdownDescription: reasonDescription,
				Optional:            true,
				Validators:          nonEmpty,
			},
		},
	}
}

// ValidateConfig checks the command line as the ephemeral resource does
// (see validateAccessRequest).
func (a *accessRequestAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	validateAccessRequest(ctx, req.Config, &resp.Diagnostics)
}

func (a *accessRequestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	args, op := begin[accessRequestArguments](ctx, a.base, req.Config, &resp.Diagnostics, "Unable to Request Access")
	if op.failed() {
		return
	}
	progress(resp, "Submitting `p0 %s` to P0", strings.Join(stringsFromValues(args.Argv), " "))
	result := submitAccessRequest(ctx, a.client, args, op)
	if result == nil {
		return
	}
	if result.IsPreexisting {
		progress(resp, "P0 already had this request open, as request %s: %s", result.ID, result.Message)
		return
	}
	progress(resp, "P0 created access request %s: %s", result.ID, result.Message)
}
