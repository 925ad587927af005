// Package gcp serves P0's Google Cloud integrations: the integration's
// root for the organization (p0_gcp), the components P0 installs in
// projects and in the organization, the security perimeter, Cloud SQL
// connectors and workload identity federation.
package gcp

import (
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// Family is what the gcp package serves.
var Family = framework.Family{
	Resources: []func() resource.Resource{
		NewGCPResource,
		NewIAMAssessmentStagedResource, NewIAMAssessmentResource,
		NewIAMWriteStagedResource, NewIAMWriteResource,
		NewAccessLogsResource, NewSharingRestrictionResource,
		NewOrganizationAccessLogsResource, NewOrganizationIAMAssessmentResource,
		NewSecurityPerimeterStagedResource, NewSecurityPerimeterResource,
		NewCloudSQLStagedResource, NewCloudSQLResource,
		NewWIFIdentityStagedResource, NewWIFIdentityResource,
	},
	ListResources: []func() list.ListResource{
		NewIAMAssessmentStagedListResource, NewIAMAssessmentListResource,
		NewIAMWriteStagedListResource, NewIAMWriteListResource,
		NewAccessLogsListResource, NewSharingRestrictionListResource,
		NewSecurityPerimeterStagedListResource, NewSecurityPerimeterListResource,
		NewCloudSQLStagedListResource, NewCloudSQLListResource,
		NewWIFIdentityStagedListResource, NewWIFIdentityListResource,
	},
}

func quoted(v types.String) string { return strconv.Quote(v.ValueString()) }
