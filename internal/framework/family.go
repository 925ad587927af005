package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// Family is what one service package (internal/service/<family>) serves:
// the constructors of its objects, of each kind, for the provider to
// register.
type Family struct {
	Resources          []func() resource.Resource
	DataSources        []func() datasource.DataSource
	EphemeralResources []func() ephemeral.EphemeralResource
	// ListResources are the list resources of terraform query (Terraform
	// 1.14+), one for each resource that an organization may hold many of.
	ListResources []func() list.ListResource
	// Actions are what a configuration can invoke or trigger (Terraform
	// 1.14+).
	Actions []func() action.Action
}
