package agentic

import (
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
)

const integrationAgentic = "agentic"

var (
	gateway          = install.Component{Integration: integrationAgentic, Key: "gateway", What: "agentic gateway"}
	identityProvider = install.Component{Integration: integrationAgentic, Key: "identity-provider", What: "agentic identity provider"}
	server           = install.Component{Integration: integrationAgentic, Key: "server", What: "agentic server"}
)

// idAttribute is the name, which the user chooses, that names the item.
var idAttribute = install.Key("The object's name in P0, which you choose. Changing it replaces the resource.")

var idIdentitySchema = install.IdentitySchema("id", "The object's name in P0.")
