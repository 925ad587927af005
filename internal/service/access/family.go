// Package access serves just-in-time access requests through P0's Command
// API: the p0_access_request ephemeral resource and action.
package access

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the access package serves.
var Family = framework.Family{
	EphemeralResources: []func() ephemeral.EphemeralResource{NewAccessRequestEphemeralResource},
	Actions:            []func() action.Action{NewAccessRequestAction},
}
