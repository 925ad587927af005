package gcp

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The components P0 installs once for the GCP organization: its access
// logs and its IAM assessment. Each is one item, "_", installed in one
// step; P0's own provider cannot import them, this one imports them by the
// P0 organization id.

// orgAccessLogsModel is p0_gcp_organization_access_logs's state.
type orgAccessLogsModel struct {
	ID             types.String `tfsdk:"id"`
	TopicProjectID types.String `tfsdk:"topic_project_id"`
	State          types.String `tfsdk:"state"`
}

func (m orgAccessLogsModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

// orgAssessmentModel is p0_gcp_organization_iam_assessment's state.
type orgAssessmentModel struct {
	ID    types.String `tfsdk:"id"`
	State types.String `tfsdk:"state"`
}

func (m orgAssessmentModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

// orgRef is the organization's item of component.
func orgRef(component string) p0.ItemRef {
	return p0.ItemRef{Integration: integrationGCP, Component: component, ID: p0.SingletonID}
}

// orgIDAttribute is a singleton's id: the P0 organization, which imports it.
var orgIDAttribute = framework.IDAttribute("The P0 organization id, which P0 holds this item once for. Also the import ID.")

// NewOrganizationAccessLogsResource returns the p0_gcp_organization_access_logs resource.
func NewOrganizationAccessLogsResource() resource.Resource {
	return install.NewInstalled[orgAccessLogsModel, framework.OrgIdentity]("gcp_organization_access_logs", orgAccessLogsSpec)
}

// NewOrganizationIAMAssessmentResource returns the p0_gcp_organization_iam_assessment resource.
func NewOrganizationIAMAssessmentResource() resource.Resource {
	return install.NewInstalled[orgAssessmentModel, framework.OrgIdentity]("gcp_organization_iam_assessment", orgAssessmentSpec)
}

var orgAccessLogsSpec = install.InstalledSpec[orgAccessLogsModel]{
	Spec: install.Spec[orgAccessLogsModel]{
		Title: "GCP Organization Access Logs",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's access logs for the GCP organization in one step: stages, verifies " +
					"(waiting while permissions propagate) and configures the item, which sends the logs to a Pub/Sub " +
					"topic in `topic_project_id`. Changing the project reconfigures it in place. Destroying it removes " +
					"the item. Needs `p0_gcp`.",
				Attributes: map[string]schema.Attribute{
					"id":               orgIDAttribute,
					"topic_project_id": install.Required("The GCP project of the Pub/Sub topic P0 reads the logs from.", install.GCPProjectID),
					"state":            install.State(true),
				},
			}
		},
		IdentitySchema: framework.OrgIdentitySchema,
		Describe:       func(orgAccessLogsModel) string { return "the GCP organization's access logs" },
		Ref:            func(orgAccessLogsModel) p0.ItemRef { return orgRef("org-access-logs") },
		RootType:       "p0_gcp",
		Read: func(m orgAccessLogsModel, item, _ install.Fields) orgAccessLogsModel {
			m.State, m.TopicProjectID = item.String("state"), item.String("topicProjectId")
			return m
		},
		Singleton: func(m orgAccessLogsModel, org string) orgAccessLogsModel {
			m.ID = types.StringValue(org)
			return m
		},
	},
	ConfigureBody: func(m orgAccessLogsModel) *install.Body {
		return install.NewBody().Set("state", "").String("topicProjectId", m.TopicProjectID, install.Omit)
	},
	State:     func(m orgAccessLogsModel) string { return m.State.ValueString() },
	Uninstall: install.DeleteItem,
}

var orgAssessmentSpec = install.InstalledSpec[orgAssessmentModel]{
	Spec: install.Spec[orgAssessmentModel]{
		Title: "GCP Organization IAM Assessment",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's IAM assessment of the GCP organization in one step: stages, verifies " +
					"(waiting while permissions propagate) and configures the item. Destroying it removes the item. Needs `p0_gcp`.",
				Attributes: map[string]schema.Attribute{"id": orgIDAttribute, "state": install.State(true)},
			}
		},
		IdentitySchema: framework.OrgIdentitySchema,
		Describe:       func(orgAssessmentModel) string { return "the GCP organization's IAM assessment" },
		Ref:            func(orgAssessmentModel) p0.ItemRef { return orgRef("org-iam-assessment") },
		RootType:       "p0_gcp",
		Read: func(m orgAssessmentModel, item, _ install.Fields) orgAssessmentModel {
			m.State = item.String("state")
			return m
		},
		Singleton: func(m orgAssessmentModel, org string) orgAssessmentModel {
			m.ID = types.StringValue(org)
			return m
		},
	},
	ConfigureBody: func(orgAssessmentModel) *install.Body { return install.NewBody().Set("state", "") },
	State:         func(m orgAssessmentModel) string { return m.State.ValueString() },
	Uninstall:     install.DeleteItem,
}
