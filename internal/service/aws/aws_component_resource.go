package aws

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentResource installs one item of an AWS integration component:
// stage, verify and configure, each skipped when already done (see
// install.Installed).
type awsComponentResource struct {
	install.Installed[awsComponentModel, awsItemIdentity]
}

// NewAWSComponentResource returns the p0_aws_component resource.
func NewAWSComponentResource() resource.Resource {
	return &awsComponentResource{install.InstalledEngine[awsComponentModel, awsItemIdentity]("aws_component", awsComponentSpec)}
}

var (
	_ resource.ResourceWithConfigure      = (*awsComponentResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*awsComponentResource)(nil)
)

// awsComponentSpec is how p0_aws_component stands on the install engine:
// the document's lifecycle, with P0 and AWS's words for what goes wrong.
var awsComponentSpec = install.InstalledSpec[awsComponentModel]{
	Spec: install.Spec[awsComponentModel]{
		Title:      "AWS Component",
		MovedFrom:  movedFromP0(false, movedComponent),
		Describe:   func(m awsComponentModel) string { return m.describe() },
		Ref:        func(m awsComponentModel) p0.ItemRef { return m.ref() },
		Import:     importAWSComponent,
		EnsureRoot: true,
		Read:       readAWSComponent,
		Timeouts:   awsComponentTimeouts,
	},
	VerifyBody:      func(awsComponentModel) any { return p0.AWSVerifyBody },
	ConfigureBody:   awsComponentBody,
	State:           func(m awsComponentModel) string { return m.State.ValueString() },
	Uninstall:       install.DeleteAndRestage,
	FromIntegration: true,
	StagedType:      "p0_aws_component_staged",
	Replacing:       []path.Path{path.Root("component"), path.Root("account_id"), path.Root("function_arn")},
	VerifyAdvice:    func(m awsComponentModel) string { return roleAdvice(m.awsItemTarget) },
}

// importAWSComponent is the state an import of "<component>/<account_id or
// function_arn>" starts from.
func importAWSComponent(id string) (awsComponentModel, error) {
	target, err := parseAWSItemID(id)
	return awsComponentModel{awsItemTarget: target, Timeouts: noTimeouts(context.Background())}, err
}

// roleAdvice says what P0 needs on the AWS side to verify target, and how
// to build it.
func roleAdvice(target awsItemTarget) string {
	return roleRequirement(target) + " Create or correct it, for example with aws_iam_role and aws_iam_role_policy " +
		"built from the p0_aws_component_staged attributes, and make this resource depend on them."
}

// roleRequirement says what P0 needs on the AWS side to verify target.
func roleRequirement(target awsItemTarget) string {
	return fmt.Sprintf("P0 verifies a component by using the IAM role that p0_aws_component_staged describes "+
		"(its role_name, trust_policy and inline_policy). That role must exist in AWS account %s, exactly as "+
		"described, before P0 can verify component %q.", target.account(), target.Component.ValueString())
}
