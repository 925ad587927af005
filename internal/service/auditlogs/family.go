// Package auditlogs serves P0's audit-log collectors, Splunk and Datadog,
// each installed in one step with the secret P0 sends logs with. P0 keeps
// only a hash of the secret: the state keeps the configured value.
package auditlogs

import (
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the auditlogs package serves.
var Family = framework.Family{
	Resources:     []func() resource.Resource{NewSplunkResource, NewDatadogResource},
	ListResources: []func() list.ListResource{NewSplunkListResource, NewDatadogListResource},
}
