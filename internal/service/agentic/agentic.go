// Package agentic serves P0's agentic access: the gateways AI agents reach
// tools through, the identity providers whose agents P0 admits, and the
// MCP servers behind a gateway.
package agentic

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
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

const integrationAgentic = "agentic"

var (
	gateway          = install.Component{Integration: integrationAgentic, Key: "gateway", What: "agentic gateway"}
	identityProvider = install.Component{Integration: integrationAgentic, Key: "identity-provider", What: "agentic identity provider"}
	server           = install.Component{Integration: integrationAgentic, Key: "server", What: "agentic server"}
)

// idAttribute is the name, which the user chooses, that names the item.
var idAttribute = install.Key("The object's name in P0, which you choose. Changing it replaces the resource.")

var idIdentitySchema = install.IdentitySchema("id", "The object's name in P0.")
