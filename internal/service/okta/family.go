// Package okta serves P0's Okta integration: the directory listing of an
// Okta organization, staged (P0 generates the key its Okta app signs
// with) and then installed with the app, and group assignment.
package okta

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the okta package serves.
var Family = framework.Family{
	Resources:     []func() resource.Resource{NewListingStagedResource, NewListingResource, NewGroupAssignmentResource},
	ListResources: []func() list.ListResource{NewListingStagedListResource, NewListingListResource, NewGroupAssignmentListResource},
}
