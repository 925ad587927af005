package aws

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What p0_aws_component_staged and p0_aws_component share: both address one
// item of one component of P0's AWS integration, by the same attributes and
// the same id.

// awsItemTarget names one item: the attributes both AWS component resources
// start with. The item's id in P0 is the account id, or for function-caller
// the function's ARN.
type awsItemTarget struct {
	ID          types.String `tfsdk:"id"`
	Component   types.String `tfsdk:"component"`
	AccountID   types.String `tfsdk:"account_id"`
	FunctionARN types.String `tfsdk:"function_arn"`
}

// newAWSItemTarget is the target of an item of component with P0 id itemID.
func newAWSItemTarget(component, itemID string) awsItemTarget {
	t := awsItemTarget{
		ID:          types.StringValue(component + "/" + itemID),
		Component:   types.StringValue(component),
		AccountID:   types.StringNull(),
		FunctionARN: types.StringNull(),
	}
	if component == p0.ComponentFunctionCaller {
		t.FunctionARN = types.StringValue(itemID)
	} else {
		t.AccountID = types.StringValue(itemID)
	}
	return t
}

// withID returns the target of a plan, whose id is not known yet.
func (t awsItemTarget) withID() awsItemTarget {
	return newAWSItemTarget(t.Component.ValueString(), t.itemID())
}

// itemID is the item's id in P0's paths.
func (t awsItemTarget) itemID() string {
	if t.Component.ValueString() == p0.ComponentFunctionCaller {
		return t.FunctionARN.ValueString()
	}
	return t.AccountID.ValueString()
}

// ref is the item the target names.
func (t awsItemTarget) ref() p0.ItemRef {
	return p0.AWSRef(t.Component.ValueString(), t.itemID())
}

// describe names the item in messages: its component and where it lives.
func (t awsItemTarget) describe() string {
	component, itemID := t.Component.ValueString(), t.itemID()
	if component == p0.ComponentFunctionCaller {
		return fmt.Sprintf("AWS component %q for Lambda function %s", component, itemID)
	}
	return fmt.Sprintf("AWS component %q in account %s", component, itemID)
}

// account is the AWS account the item lives in; for function-caller, the
// account in the function's ARN (arn:partition:lambda:region:account:...).
func (t awsItemTarget) account() string {
	if t.Component.ValueString() != p0.ComponentFunctionCaller {
		return t.AccountID.ValueString()
	}
	if fields := strings.Split(t.FunctionARN.ValueString(), ":"); len(fields) > 4 {
		return fields[4]
	}
	return t.FunctionARN.ValueString()
}

// awsItemIdentity is both AWS component resources' identity: the
// component and the item's id in P0 (the account id, or the function ARN).
type awsItemIdentity struct {
	Component types.String `tfsdk:"component"`
	ID        types.String `tfsdk:"id"`
}

func (i awsItemIdentity) ImportID() string {
	return i.Component.ValueString() + "/" + i.ID.ValueString()
}

// awsItemIdentitySchema describes awsItemIdentity.
var awsItemIdentitySchema = framework.IdentitySchema(map[string]string{
	"component": "The component: one of " + installableComponents + ".",
	"id":        "The item's id in P0: the AWS account id, or for `function-caller` the Lambda function ARN.",
})

// Identity is the identity of the item the target names.
func (t awsItemTarget) Identity() framework.Identity {
	return awsItemIdentity{Component: t.Component, ID: types.StringValue(t.itemID())}
}

// parseAWSItemID reads an import ID, "<component>/<account_id>" or
// "function-caller/<function_arn>", checking both parts as the schema does.
func parseAWSItemID(id string) (awsItemTarget, error) {
	component, itemID, found := strings.Cut(id, "/")
	var problem string
	switch {
	case !found || component == "" || itemID == "":
		problem = "it has no \"/\" between component and id"
	case !slices.Contains(p0.InstallableComponents, component):
		problem = fmt.Sprintf("%q is not a component that can be managed; expected one of %s", component,
			strings.Join(p0.InstallableComponents, ", "))
	case component == p0.ComponentFunctionCaller && !p0.LambdaARNPattern.MatchString(itemID):
		problem = fmt.Sprintf("function-caller items are identified by a Lambda function ARN, and %q is not one", itemID)
	case component != p0.ComponentFunctionCaller && !p0.AccountIDPattern.MatchString(itemID):
		problem = fmt.Sprintf("%s items are identified by a 12-digit AWS account ID, and %q is not one", component, itemID)
	}
	if problem != "" {
		return awsItemTarget{}, fmt.Errorf("the import ID must be \"<component>/<account_id>\" (for example "+
			"\"iam-write/123456789012\"), or \"function-caller/<function_arn>\" (for example "+
			"\"function-caller/arn:aws:lambda:us-east-1:123456789012:function:my-function\"), but %s", problem)
	}
	return newAWSItemTarget(component, itemID), nil
}

// Messages of the identifier validators, which follow "Attribute <name> ".
const (
	accountIDForm = "must be a 12-digit AWS account ID"
	lambdaARNForm = "must be a Lambda function ARN (arn:aws:lambda:<region>:<account_id>:function:<name>)"
)

// What every schema that names an AWS item shares: the resources', the
// list resources' filter, the verify action's and the identity's.
var (
	// installableComponents lists the components as descriptions show them.
	installableComponents = framework.CodeList(p0.InstallableComponents)

	componentValidators   = []validator.String{stringvalidator.OneOf(p0.InstallableComponents...)}
	accountIDValidators   = []validator.String{stringvalidator.RegexMatches(p0.AccountIDPattern, accountIDForm)}
	functionARNValidators = []validator.String{stringvalidator.RegexMatches(p0.LambdaARNPattern, lambdaARNForm)}
)

// awsItemAttributes are the schema of awsItemTarget, with the resource's
// own attributes. object names what the resource manages, for the
// descriptions.
func awsItemAttributes(object string, own map[string]schema.Attribute) map[string]schema.Attribute {
	attributes := map[string]schema.Attribute{
		"id": framework.IDAttribute("`<component>/<account_id>`, or `function-caller/<function_arn>`. Also the import ID."),
		"component": schema.StringAttribute{
			MarkdownDescription: "The component " + object + ": one of " + installableComponents +
				". (`base` is created and managed by P0 itself.) Changing it replaces the resource.",
			Required:      true,
			Validators:    componentValidators,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"account_id": schema.StringAttribute{
			MarkdownDescription: "The 12-digit ID of the AWS account the component is for. Required for every " +
				"component except `function-caller`, which takes `function_arn` instead. Changing it replaces the resource.",
			Optional:      true,
			Validators:    accountIDValidators,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
		"function_arn": schema.StringAttribute{
			MarkdownDescription: "ARN of the Lambda function P0 may invoke " +
				"(`arn:aws:lambda:<region>:<account_id>:function:<name>`, optionally followed by `:<version or alias>`). " +
				"Required for `function-caller`, and only allowed there. Changing it replaces the resource.",
			Optional:      true,
			Validators:    functionARNValidators,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
		},
	}
	maps.Copy(attributes, own)
	return attributes
}

// validateAWSItemTarget checks that the configuration gives the identifier
// its component takes: function_arn for function-caller, account_id for
// the others. It returns the component, or false while it is unknown.
func validateAWSItemTarget(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) (string, bool) {
	component := framework.StringAt(ctx, config, path.Root("component"))
	if !framework.Known(component) {
		return "", false
	}
	name := component.ValueString()
	byFunction := name == p0.ComponentFunctionCaller
	framework.RequireOrForbid(ctx, config, diags, path.Root("function_arn"), byFunction,
		"function_arn is required for component \"function-caller\", which is identified by a Lambda function ARN",
		fmt.Sprintf("function_arn is only allowed for component \"function-caller\"; component %q is identified by account_id", name))
	framework.RequireOrForbid(ctx, config, diags, path.Root("account_id"), !byFunction,
		fmt.Sprintf("account_id is required for component %q", name),
		"account_id is not allowed for component \"function-caller\", which is identified by function_arn")
	return name, true
}
