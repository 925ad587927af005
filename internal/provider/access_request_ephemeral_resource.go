package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// accessCommands are the p0 commands the Command API accepts as the first
// word of argv.
var accessCommands = []string{"request", "grant", "allow"}

// reasonFlag is how the p0 CLI takes a request's justification.
const reasonFlag = "--reason"

type accessRequestModel struct {
	Argv          []types.String `tfsdk:"argv"`
	Reason        types.String   `tfsdk:"reason"`
	ID            types.String   `tfsdk:"id"`
	Message       types.String   `tfsdk:"message"`
	IsPreexisting types.Bool     `tfsdk:"is_preexisting"`
	IsPersistent  types.Bool     `tfsdk:"is_persistent"`
}

func (r *accessRequestEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Requests just-in-time access through P0's Command API while Terraform runs, " +
			"for pipelines that need temporary access during an apply. The request is submitted each time " +
			"Terraform opens the ephemeral resource; nothing of it is written to plan or state files.\n\n" +
			"Terraform opens ephemeral resources during `terraform plan` as well as `terraform apply` (and " +
			"`terraform validate` does not), so every plan submits the request too. P0 answers a repeat of a " +
			"request that is still open with that request and `is_preexisting = true`. A pipeline that must " +
			"not request access when it only plans can give the block `count = var.request_access ? 1 : 0` and " +
			"set that variable for `terraform apply` alone.",
		Attributes: map[string]schema.Attribute{
			"argv": schema.ListAttribute{
				MarkdownDescription: "The p0 command line without the leading `p0`, for example " +
					"`[\"request\", \"aws\", \"permission-set\", \"BucketList\", \"--account\", \"p0-dev\"]`. " +
					"The first word must be one of `" + strings.Join(accessCommands, "`, `") + "`.",
				Required:    true,
				ElementType: types.StringType,
				Validators: []validator.List{
					listvalidator.SizeAtLeast(1),
					listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
				},
			},
			"reason": schema.StringAttribute{
				MarkdownDescription: "Justification for the request, appended as `--reason`. Leave it out of `argv` when set here.",
				Optional:            true,
				Validators:          nonEmpty,
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

// ValidateConfig checks the command word and that the reason is not given
// twice. Unknown values are checked once known.
func (r *accessRequestEphemeralResource) ValidateConfig(ctx context.Context, req ephemeral.ValidateConfigRequest, resp *ephemeral.ValidateConfigResponse) {
	var argv types.List
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("argv"), &argv)...)
	if resp.Diagnostics.HasError() || argv.IsNull() || argv.IsUnknown() || len(argv.Elements()) == 0 {
		return
	}
	words := make([]types.String, 0, len(argv.Elements()))
	resp.Diagnostics.Append(argv.ElementsAs(ctx, &words, false)...)
	if resp.Diagnostics.HasError() {
		return
	}

	if first := words[0]; known(first) && !slices.Contains(accessCommands, first.ValueString()) {
		resp.Diagnostics.AddAttributeError(path.Root("argv").AtListIndex(0), "Unsupported P0 Command",
			fmt.Sprintf("argv must start with one of %s; got %q.", strings.Join(accessCommands, ", "), first.ValueString()))
	}

	var reason types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("reason"), &reason)...)
	if reason.IsNull() {
		return
	}
	for i, w := range words {
		if w.ValueString() == reasonFlag {
			resp.Diagnostics.AddAttributeError(path.Root("argv").AtListIndex(i), "Reason Given Twice",
				"argv contains --reason while the reason attribute is set; keep only the reason attribute.")
		}
	}
}

func (r *accessRequestEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	m, op := begin[accessRequestModel](ctx, r.base, req.Config, &resp.Diagnostics, "Unable to Request Access")
	if op.failed() {
		return
	}

	argv := commandLine(m)
	result, err := r.client.SubmitCommand(ctx, argv)
	if err != nil {
		op.apiError(fmt.Sprintf("submitting `p0 %s`", argv[0]), err)
		return
	}
	m.ID = types.StringValue(result.ID)
	m.Message = types.StringValue(result.Message)
	m.IsPreexisting = types.BoolValue(result.IsPreexisting)
	m.IsPersistent = types.BoolValue(result.IsPersistent)
	resp.Diagnostics.Append(resp.Result.Set(ctx, m)...)
}

// commandLine is argv with the reason appended as the p0 CLI expects it.
func commandLine(m accessRequestModel) []string {
	argv := stringsFromValues(m.Argv)
	if !m.Reason.IsNull() {
		argv = append(argv, reasonFlag, m.Reason.ValueString())
	}
	return argv
}
