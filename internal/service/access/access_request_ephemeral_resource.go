package access

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// accessRequestEphemeralResource submits a just-in-time access request
// through the Command API while Terraform runs. Being ephemeral, nothing of
// it is stored in plan or state files.
type accessRequestEphemeralResource struct{ framework.EphemeralBase }

// NewAccessRequestEphemeralResource returns the p0_access_request ephemeral resource.
func NewAccessRequestEphemeralResource() ephemeral.EphemeralResource {
	return &accessRequestEphemeralResource{framework.EphemeralNamed("access_request")}
}

var (
	_ ephemeral.EphemeralResourceWithConfigure      = (*accessRequestEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithValidateConfig = (*accessRequestEphemeralResource)(nil)
)

// accessRequestModel is the ephemeral resource's result: its arguments and
// P0's answer.
type accessRequestModel struct {
	accessRequestArguments
	ID            types.String `tfsdk:"id"`
	Message       types.String `tfsdk:"message"`
	IsPreexisting types.Bool   `tfsdk:"is_preexisting"`
	IsPersistent  types.Bool   `tfsdk:"is_persistent"`
}

func (r *accessRequestEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Requests just-in-time access through P0's Command API while Terraform runs, " +
			"for pipelines that need temporary access during an apply. The request is submitted each time " +
			"Terraform opens the ephemeral resource; nothing of it is written to plan or state files.\n\n" +
			"Terraform opens ephemeral resources during `terraform plan` as well as `terraform apply` (and " +
			"`terraform validate` does not), so every plan submits the request too. P0 answers a repeat of a " +
			"request that is still open with that request and `is_preexisting = true`.\n\n" +
			"To request access on apply only, use the `p0_access_request` action (Terraform 1.14 and later), " +
			"triggered by the resource that needs the access or invoked with `terraform apply -invoke`: it takes " +
			"the same arguments and is never run by a plan. Use the ephemeral resource where other blocks need " +
			"P0's answer (the request id, whether it was preexisting) or where the CLI has no actions; there, a " +
			"pipeline that must not request access when it only plans can give the block " +
			"`count = var.request_access ? 1 : 0` and set that variable for `terraform apply` alone.",
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
				Validators:          framework.NonEmpty,
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "P0's id of the access request.",
				Computed:            true,
			},
			"message": schema.StringAttribute{
				MarkdownDescription: "P0's answer, as the p0 CLI would print it.",
				Computed:            true,
			},
			"is_preexisting": schema.BoolAttribute{
				MarkdownDescription: "Whether an identical request already existed, so P0 did not create a new one.",
				Computed:            true,
			},
			"is_persistent": schema.BoolAttribute{
				MarkdownDescription: "Whether the granted access is persistent rather than time-bound.",
				Computed:            true,
			},
		},
	}
}

// ValidateConfig checks the command line (see validateAccessRequest).
func (r *accessRequestEphemeralResource) ValidateConfig(ctx context.Context, req ephemeral.ValidateConfigRequest, resp *ephemeral.ValidateConfigResponse) {
	validateAccessRequest(ctx, req.Config, &resp.Diagnostics)
}

func (r *accessRequestEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	m, op := framework.Begin[accessRequestModel](ctx, r.Base, req.Config, &resp.Diagnostics, "Unable to Request Access")
	if op.Failed() {
		return
	}

	result := submitAccessRequest(ctx, r.Client, m.accessRequestArguments, op)
	if result == nil {
		return
	}
	m.ID = types.StringValue(result.ID)
	m.Message = types.StringValue(result.Message)
	m.IsPreexisting = types.BoolValue(result.IsPreexisting)
	m.IsPersistent = types.BoolValue(result.IsPersistent)
	resp.Diagnostics.Append(resp.Result.Set(ctx, m)...)
}
