package aws

import (
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentStagedResource stages one item of an AWS integration
// component (PUT .../config/{component}/{id}) and exposes the metadata P0
// generates for it: the IAM role the AWS side must create (see
// install.Staged).
type awsComponentStagedResource struct {
	install.Staged[awsComponentStagedModel, awsItemIdentity]
}

// NewAWSComponentStagedResource returns the p0_aws_component_staged resource.
func NewAWSComponentStagedResource() resource.Resource {
	return &awsComponentStagedResource{install.StagedEngine[awsComponentStagedModel, awsItemIdentity]("aws_component_staged", awsComponentStagedSpec)}
}

var (
	_ resource.ResourceWithConfigure      = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentStagedResource)(nil)
)

// awsComponentStagedSpec is how p0_aws_component_staged stands on the
// install engine.
var awsComponentStagedSpec = install.Spec[awsComponentStagedModel]{
	Title:      "Staged AWS Component",
	MovedFrom:  movedFromP0(true, movedStagedComponent),
	Describe:   func(m awsComponentStagedModel) string { return m.describe() },
	Ref:        func(m awsComponentStagedModel) p0.ItemRef { return m.ref() },
	Import:     importAWSComponentStaged,
	EnsureRoot: true,
	Read:       readAWSComponentStaged,
}

// importAWSComponentStaged is the state an import of "<component>/<account_id
// or function_arn>" starts from.
func importAWSComponentStaged(id string) (awsComponentStagedModel, error) {
	target, err := parseAWSItemID(id)
	return awsComponentStagedModel{awsItemTarget: target}, err
}
