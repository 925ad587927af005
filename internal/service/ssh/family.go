// Package ssh serves P0's SSH integration, which grants just-in-time
// access to the instances of an AWS account, a GCP project or an Azure
// subscription, and its file transfer for AWS.
package ssh

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the ssh package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{NewAWSResource, NewGCPResource, NewAzureResource, NewFileTransferResource},
	ListResources: []func() list.ListResource{
		NewAWSListResource, NewGCPListResource, NewAzureListResource, NewFileTransferListResource,
	},
}
