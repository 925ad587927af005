package aws

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentVerifyAction has P0 verify an installed AWS component item
// again.
type awsComponentVerifyAction struct{ framework.ActionBase }

// NewAWSComponentVerifyAction returns the p0_aws_component_verify action.
func NewAWSComponentVerifyAction() action.Action {
	return &awsComponentVerifyAction{framework.ActionNamed("aws_component_verify")}
}

var (
	_ action.ActionWithConfigure      = (*awsComponentVerifyAction)(nil)
	_ action.ActionWithValidateConfig = (*awsComponentVerifyAction)(nil)
)

// awsComponentVerifyArguments name the item to verify, as the AWS component
// resources do.
type awsComponentVerifyArguments struct {
	Component   types.String `tfsdk:"component"`
	AccountID   types.String `tfsdk:"account_id"`
	FunctionARN types.String `tfsdk:"function_arn"`
	Timeout     types.String `tfsdk:"timeout"`
}

// defaultReverifyTimeout is how long the action waits for P0 to accept the
// AWS side by default: long enough for IAM to propagate a changed role.
const defaultReverifyTimeout = 2 * time.Minute

// timeout is how long the action may wait: the schema has checked a
// timeout that is set, and one left out (null, "") does not parse.
func (a awsComponentVerifyArguments) timeout() time.Duration {
	if d, err := time.ParseDuration(a.Timeout.ValueString()); err == nil {
		return d
	}
	return defaultReverifyTimeout
}

// target is the item the arguments name.
func (a awsComponentVerifyArguments) target() awsItemTarget {
	return awsItemTarget{Component: a.Component, AccountID: a.AccountID, FunctionARN: a.FunctionARN}.withID()
}

func (a *awsComponentVerifyAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Has P0 verify an installed AWS component item again: the action sends the item's " +
			"configuration again, unchanged, which P0 answers only after verifying the AWS side (the IAM role " +
			"that `p0_aws_component_staged` describes). Trigger it after changing that role, so that a broken " +
			"role shows in the apply that broke it rather than when someone next requests access.",
		Attributes: map[string]schema.Attribute{
			"component": schema.StringAttribute{
				MarkdownDescription: "The component of the item: one of " + installableComponents + ".",
				Required:            true,
				Validators:          componentValidators,
			},
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The 12-digit ID of the item's AWS account. Required for every component " +
					"except `function-caller`, which takes `function_arn` instead.",
				Optional:   true,
				Validators: accountIDValidators,
			},
			"function_arn": schema.StringAttribute{
				MarkdownDescription: "ARN of the Lambda function of a `function-caller` item, and only there.",
				Optional:            true,
				Validators:          functionARNValidators,
			},
			"timeout": schema.StringAttribute{
				MarkdownDescription: "How long to wait for P0 to accept the AWS side, as a duration such as `90s` " +
					"or `5m`; default `2m`. AWS may take a minute or more to make a changed role usable, and P0 " +
					"refuses the verification until then: the action tries again, with growing waits, until this " +
					"time runs out.",
				Optional:   true,
				Validators: []validator.String{framework.PositiveDurationValidator},
			},
		},
	}
}

// ValidateConfig checks that the item is named as its component names it,
// as the resources do.
func (a *awsComponentVerifyAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	validateAWSItemTarget(ctx, req.Config, &resp.Diagnostics)
}

func (a *awsComponentVerifyAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	args, op := framework.Begin[awsComponentVerifyArguments](ctx, a.Base, req.Config, &resp.Diagnostics, "Unable to Verify AWS Component")
	if op.Failed() {
		return
	}
	target := args.target()
	framework.Progress(resp, "Reading %s", target.describe())
	item := a.installed(ctx, target, op)
	if item == nil {
		return
	}
	framework.Progress(resp, "Sending the configuration of %s again; P0 answers once it has verified the AWS side", target.describe())
	timeout := args.timeout()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := a.Client.ReconfigureAWSComponentWhenReady(ctx, target.Component.ValueString(), target.itemID(), item.Configuration())
	if err != nil {
		op.Fail(reverificationErrorDetail(target, timeout, err))
		return
	}
	framework.Progress(resp, "P0 verified %s", target.describe())
}

// installed reads the item, which must be installed; it returns nil after
// op reported why it cannot be verified.
func (a *awsComponentVerifyAction) installed(ctx context.Context, target awsItemTarget, op framework.Operation) *p0.AWSItem {
	got, err := a.Client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	switch {
	case errors.Is(err, p0.ErrNotFound):
		op.Fail(fmt.Sprintf("P0 has no %s, so there is nothing to verify. Install it with p0_aws_component, "+
			"and trigger this action after it.", target.describe()))
		return nil
	case err != nil:
		op.APIError("reading "+target.describe(), err)
		return nil
	case got.Item.State != p0.StateInstalled:
		op.Fail(fmt.Sprintf("P0 has %s, but it is not installed (its state is %q), and only an installed item's "+
			"configuration can be sent again. Install it with p0_aws_component, which verifies it on the way.",
			target.describe(), got.Item.State))
		return nil
	}
	return &got.Item
}

// reverificationErrorDetail explains a verification that failed: when P0
// kept refusing it for timeout, what the AWS side must hold. The item keeps
// its configuration: a refused configure changes nothing.
func reverificationErrorDetail(target awsItemTarget, timeout time.Duration, err error) string {
	if !p0.IsVerificationRefusal(err) {
		return framework.APIErrorDetail("verifying "+target.describe(), err)
	}
	return framework.AnswerDetail("verifying "+target.describe(), err) + fmt.Sprintf("\n\nP0 kept refusing the verification for %s: the AWS side is not set up as P0 needs. ", timeout) +
		roleRequirement(target) + " Correct the role and run the action again; to wait longer for AWS, raise timeout. " +
		"The item stays installed with its configuration."
}
