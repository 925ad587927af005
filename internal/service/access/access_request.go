package access

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What the p0_access_request ephemeral resource and action share: their
// arguments, how they are checked, and the Command API request they make.

// accessCommands are the p0 commands the Command API accepts as the first
// word of argv.
var accessCommands = []string{"request", "grant", "allow"}

// reasonFlag is how the p0 CLI takes a request's justification.
const reasonFlag = "--reason"

// accessRequestArguments are the arguments of an access request.
type accessRequestArguments struct {
	Argv   []types.String `tfsdk:"argv"`
	Reason types.String   `tfsdk:"reason"`
}

// Descriptions and validators of the arguments, for both schemas.
var (
	argvDescription = "The p0 command line without the leading `p0`, for example " +
		"`[\"request\", \"aws\", \"permission-set\", \"BucketList\", \"--account\", \"p0-dev\"]`. " +
		"The first word must be one of " + framework.CodeList(accessCommands) + "."
	reasonDescription = "Justification for the request, appended as `--reason`. Leave it out of `argv` when set here."

	argvValidators = []validator.List{
		listvalidator.SizeAtLeast(1),
		listvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1)),
	}
)

// validateAccessRequest checks the command word and that the reason is not
// given twice. Unknown values are checked once known.
func validateAccessRequest(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	var argv types.List
	diags.Append(config.GetAttribute(ctx, path.Root("argv"), &argv)...)
	if diags.HasError() || argv.IsNull() || argv.IsUnknown() || len(argv.Elements()) == 0 {
		return
	}
	words := make([]types.String, 0, len(argv.Elements()))
	diags.Append(argv.ElementsAs(ctx, &words, false)...)
	if diags.HasError() {
		return
	}

	if first := words[0]; framework.Known(first) && !slices.Contains(accessCommands, first.ValueString()) {
		diags.AddAttributeError(path.Root("argv").AtListIndex(0), "Unsupported P0 Command",
			fmt.Sprintf("argv must start with one of %s; got %q.", strings.Join(accessCommands, ", "), first.ValueString()))
	}

	var reason types.String
	diags.Append(config.GetAttribute(ctx, path.Root("reason"), &reason)...)
	if reason.IsNull() {
		return
	}
	for i, w := range words {
		if w.ValueString() == reasonFlag {
			diags.AddAttributeError(path.Root("argv").AtListIndex(i), "Reason Given Twice",
				"argv contains --reason while the reason attribute is set; keep only the reason attribute.")
		}
	}
}

// submitAccessRequest submits the request; it returns nil after op
// reported a failure.
func submitAccessRequest(ctx context.Context, client *p0.Client, args accessRequestArguments, op framework.Operation) *p0.CommandResult {
	argv := commandLine(args)
	result, err := client.SubmitCommand(ctx, argv)
	if err != nil {
		submissionFailed(op, fmt.Sprintf("submitting `p0 %s`", argv[0]), err)
		return nil
	}
	return result
}

// submissionFailed reports a failed submission of an access request. One
// that P0 may have taken all the same says so: the client did not send it
// again, so that the access is not requested twice, and neither should
// the user before looking.
func submissionFailed(op framework.Operation, action string, err error) {
	var uncertain *p0.UncertainSubmissionError
	if !errors.As(err, &uncertain) {
		op.APIError(action, err)
		return
	}
	op.Fail(framework.AnswerDetail(action, err) + "\n\nP0 may have taken the request before this failure, so it was not sent " +
		"again. Look for it among the access requests in P0's web app, or where approvers are asked (for example " +
		"Slack), before requesting the access again.")
}

// commandLine is argv with the reason appended as the p0 CLI expects it.
func commandLine(m accessRequestArguments) []string {
	argv := framework.StringsFromValues(m.Argv)
	if !m.Reason.IsNull() {
		argv = append(argv, reasonFlag, m.Reason.ValueString())
	}
	return argv
}
