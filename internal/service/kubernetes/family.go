// Package kubernetes serves P0's Kubernetes integration: clusters, staged
// (P0 generates the PKI of its admission controller) and then installed
// with the token of the service account P0 acts as.
package kubernetes

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the kubernetes package serves.
var Family = framework.Family{
	Resources:     []func() resource.Resource{NewStagedResource, NewResource},
	ListResources: []func() list.ListResource{NewStagedListResource, NewListResource},
}
