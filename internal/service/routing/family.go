// Package routing serves the routing (access request) workflow: one rule
// at a time (p0_routing_rule) or the whole workflow (p0_routing_workflow).
package routing

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the routing package serves.
var Family = framework.Family{
	Resources:     []func() resource.Resource{NewRoutingRuleResource, NewRoutingWorkflowResource},
	DataSources:   []func() datasource.DataSource{NewRoutingWorkflowDataSource},
	ListResources: []func() list.ListResource{NewRoutingRuleListResource},
}
