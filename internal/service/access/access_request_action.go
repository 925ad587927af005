package access

import (
	"context"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// accessRequestAction submits a just-in-time access request through the
// Command API when invoked or triggered, never during a plan.
type accessRequestAction struct{ framework.ActionBase }

// NewAccessRequestAction returns the p0_access_request action.
func NewAccessRequestAction() action.Action {
	return &accessRequestAction{framework.ActionNamed("access_request")}
}

var (
	_ action.ActionWithConfigure      = (*accessRequestAction)(nil)
	_ action.ActionWithValidateConfig = (*accessRequestAction)(nil)
)

func (a *accessRequestAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Requests just-in-time access through P0's Command API when the action is " +
			"invoked (`terraform apply -invoke=action.p0_access_request.<name>`) or triggered by a resource's " +
			"`action_trigger`; never by a plan. Use it where a pipeline needs access for the apply alone. With " +
			"`wait = true` it waits until an approver grants the access, reporting its progress, so that the " +
			"pipeline's next step can use it. The " +
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
				Validators:          framework.NonEmpty,
			},
			"wait": schema.BoolAttribute{
				MarkdownDescription: "Wait until P0 decides the request: the action returns once the access is " +
					"granted (at once when it already exists or is persistent), so that the next step of the " +
					"pipeline can use it, and fails when the request is denied, expires, errors or is revoked, with " +
					"P0's status and message. The request is submitted once; the decision comes from P0's poll of it " +
					"(`GET /command/{id}/poll`), opened again whenever it ends undecided, breaks, or P0 asks for time. " +
					"Defaults to `false`: the action returns as soon as P0 has the request.",
				Optional: true,
			},
			"wait_timeout": schema.StringAttribute{
				MarkdownDescription: "How long to wait for the decision, as a duration such as `90s` or `30m`; " +
					"default `10m`. At the end the action fails, and the request stays pending in P0, where it can " +
					"still be approved. Only with `wait = true`.",
				Optional:   true,
				Validators: []validator.String{framework.PositiveDurationValidator},
			},
		},
	}
}

// ValidateConfig checks the command line as the ephemeral resource does
// (see validateAccessRequest), and that wait_timeout comes with wait.
func (a *accessRequestAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	validateAccessRequest(ctx, req.Config, &resp.Diagnostics)
	var wait types.Bool
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("wait"), &wait)...)
	if !wait.IsUnknown() && !wait.ValueBool() && framework.IsSet[types.String](ctx, req.Config, path.Root("wait_timeout")) {
		resp.Diagnostics.AddAttributeError(path.Root("wait_timeout"), "Invalid Attribute Combination",
			"wait_timeout is only allowed with wait = true: without it the action does not wait.")
	}
}

// accessRequestActionArguments are the action's arguments: the request's,
// and how to wait for its decision.
type accessRequestActionArguments struct {
	accessRequestArguments
	Wait        types.Bool   `tfsdk:"wait"`
	WaitTimeout types.String `tfsdk:"wait_timeout"`
}

// defaultWaitTimeout is how long the action waits for a decision unless
// wait_timeout says otherwise.
const defaultWaitTimeout = 10 * time.Minute

// waitProgressEvery is how often the action says it is still waiting (a
// variable for the test of the reports).
var waitProgressEvery = 30 * time.Second

func (a *accessRequestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	args, op := framework.Begin[accessRequestActionArguments](ctx, a.Base, req.Config, &resp.Diagnostics, "Unable to Request Access")
	if op.Failed() {
		return
	}
	framework.Progress(resp, "Submitting `p0 %s` to P0", strings.Join(framework.StringsFromValues(args.Argv), " "))
	if args.Wait.ValueBool() {
		a.requestAndWait(ctx, args, resp, op)
		return
	}
	result := submitAccessRequest(ctx, a.Client, args.accessRequestArguments, op)
	if result == nil {
		return
	}
	if result.IsPreexisting {
		framework.Progress(resp, "P0 already had this request open, as request %s: %s", result.ID, result.Message)
		return
	}
	framework.Progress(resp, "P0 created access request %s: %s", result.ID, result.Message)
}
