// Package azure serves P0's Azure integration: its root for a directory
// (p0_azure), the app P0 acts as, IAM write and bastion hosts in
// subscriptions, and the jump host.
package azure

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the azure package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{
		NewAzureResource,
		NewAppStagedResource, NewAppResource,
		NewIAMWriteStagedResource, NewIAMWriteResource,
		NewBastionHostStagedResource, NewBastionHostResource,
		NewJumpHostResource,
	},
	ListResources: []func() list.ListResource{
		NewIAMWriteStagedListResource, NewIAMWriteListResource,
		NewBastionHostStagedListResource, NewBastionHostListResource,
	},
}
