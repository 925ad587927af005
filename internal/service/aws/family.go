// Package aws serves P0's AWS integration: its components, staged
// (p0_aws_component_staged) and installed (p0_aws_component).
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
	Resources:     []func() resource.Resource{NewAWSComponentStagedResource, NewAWSComponentResource},
	DataSources:   []func() datasource.DataSource{NewAWSIntegrationDataSource},
	ListResources: []func() list.ListResource{NewAWSComponentStagedListResource, NewAWSComponentListResource},
	Actions:       []func() action.Action{NewAWSComponentVerifyAction},
}
