// Package agentic serves P0's agentic access: the gateways AI agents reach
// tools through, the identity providers whose agents P0 admits, and the
// MCP servers behind a gateway.
package agentic

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the agentic package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{
		NewGatewayStagedResource, NewGatewayResource, NewIdentityProviderResource, NewServerResource,
	},
	ListResources: []func() list.ListResource{
		NewGatewayStagedListResource, NewGatewayListResource, NewIdentityProviderListResource, NewServerListResource,
	},
}
