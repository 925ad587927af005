// Package databases serves P0's database integrations, MySQL and
// PostgreSQL: an RDS instance staged (P0 generates the connector that
// reaches it) and then installed with how P0 connects.
package databases

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the databases package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{
		mysql.stagedResource, mysql.resource,
		postgres.stagedResource, postgres.resource,
	},
	ListResources: []func() list.ListResource{
		mysql.stagedListResource, mysql.listResource,
		postgres.stagedListResource, postgres.listResource,
	},
}
