// Package aws serves P0's AWS integrations: the AWS integration's
// components, staged (p0_aws_component_staged) and installed
// (p0_aws_component); IAM Identity Center, OIDC identities and RDS.
package aws

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the aws package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{
		NewAWSComponentStagedResource, NewAWSComponentResource,
		NewMIDCStagedResource, NewMIDCResource,
		NewOIDCIdentityStagedResource, NewOIDCIdentityResource,
		NewRDSResource,
	},
	DataSources: []func() datasource.DataSource{NewAWSIntegrationDataSource},
	ListResources: []func() list.ListResource{
		NewAWSComponentStagedListResource, NewAWSComponentListResource,
		NewMIDCStagedListResource, NewMIDCListResource,
		NewOIDCIdentityStagedListResource, NewOIDCIdentityListResource,
		NewRDSListResource,
	},
	Actions: []func() action.Action{NewAWSComponentVerifyAction},
}
