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

// integrationGCP is the Google Cloud integration's key.
const integrationGCP = "gcloud"

// gcpModel is p0_gcp's state: the organization P0's Google Cloud
// integration is installed for, and what P0 generates for it.
type gcpModel struct {
	OrganizationID      types.String          `tfsdk:"organization_id"`
	ServiceAccountEmail types.String          `tfsdk:"service_account_email"`
	AccessLogs          *permissionsRoleModel `tfsdk:"access_logs"`
	IAMAssessment       *iamAssessmentModel   `tfsdk:"iam_assessment"`
	OrgWidePolicy       *permissionsRoleModel `tfsdk:"org_wide_policy"`
}

// permissionsRoleModel is what a GCP role P0 needs holds: its
// permissions, and the custom role that grants them.
type permissionsRoleModel struct {
	Permissions types.List       `tfsdk:"permissions"`
	CustomRole  *customRoleModel `tfsdk:"custom_role"`
}

// iamAssessmentModel is the permissions IAM assessment needs, in projects
// and in the organization.
type iamAssessmentModel struct {
	Permissions *levelPermissionsModel `tfsdk:"permissions"`
}

type levelPermissionsModel struct {
	Project      types.List `tfsdk:"project"`
	Organization types.List `tfsdk:"organization"`
}

// customRoleModel is a GCP custom role.
type customRoleModel struct {
	ID   types.String `tfsdk:"id"`
	Name types.String `tfsdk:"name"`
}

func (m gcpModel) Identity() framework.Identity {
	return install.OrganizationIdentity{OrganizationID: m.OrganizationID}
}

// NewGCPResource returns the p0_gcp resource.
func NewGCPResource() resource.Resource {
	return install.NewRoot[gcpModel, install.OrganizationIdentity]("gcp", gcpSpec)
}

var gcpSpec = install.RootSpec[gcpModel]{
	Spec: install.Spec[gcpModel]{
		Title:          "GCP Integration",
		Schema:         gcpSchema,
		IdentitySchema: install.IdentitySchema("organization_id", "The GCP organization's numeric ID."),
		Describe: func(m gcpModel) string {
			return "the Google Cloud integration of organization " + m.OrganizationID.ValueString()
		},
		Ref: func(gcpModel) p0.ItemRef { return p0.ItemRef{Integration: integrationGCP} },
		Import: func(id string) (gcpModel, error) {
			return gcpModel{OrganizationID: types.StringValue(id)}, nil
		},
		Read: func(m gcpModel, root, metadata install.Fields) gcpModel {
			if organization := root.String("organizationId"); !organization.IsNull() {
				m.OrganizationID = organization
			}
			m.ServiceAccountEmail = root.String("serviceAccountEmail")
			m.AccessLogs = permissionsRole(metadata.Object("access-logs"), "requiredPermissions")
			assessment := metadata.Object("iam-assessment")
			m.IAMAssessment = &iamAssessmentModel{Permissions: &levelPermissionsModel{
				Project:      assessment.Strings("requiredPermissions"),
				Organization: assessment.Strings("orgLevelPermissions"),
			}}
			m.OrgWidePolicy = permissionsRole(metadata.Object("org-wide-policy"), "requiredPermissions")
			return m
		},
	},
	RootBody: func(m gcpModel) *install.Body {
		return install.NewBody().String("organizationId", m.OrganizationID, install.Omit).Owns("serviceAccountEmail")
	},
	Same: func(m gcpModel, root install.Fields) bool {
		return root.String("organizationId").Equal(m.OrganizationID)
	},
}

// permissionsRole reads a role P0 needs: its permissions, under
// permissions, and its custom role.
func permissionsRole(f install.Fields, permissions string) *permissionsRoleModel {
	return &permissionsRoleModel{Permissions: f.Strings(permissions), CustomRole: customRole(f.Object("customRole"))}
}

// customRole reads a custom role, or nil where P0 gives none.
func customRole(f install.Fields) *customRoleModel {
	if !f.Present() {
		return nil
	}
	return &customRoleModel{ID: f.String("id"), Name: f.String("name")}
}

// customRoleAttribute is a custom role P0 gives.
func customRoleAttribute(description string) schema.SingleNestedAttribute {
	return install.ComputedObject(description, map[string]schema.Attribute{
		"id":   install.Computed("The role's ID."),
		"name": install.Computed("The role's full name, `organizations/<id>/roles/<role>` or `projects/<id>/roles/<role>`."),
	})
}

// permissionsRoleAttribute is a role P0 needs, with its permissions.
func permissionsRoleAttribute(description string) schema.SingleNestedAttribute {
	return install.ComputedObject(description, map[string]schema.Attribute{
		"permissions": install.ComputedList("The permissions the role grants."),
		"custom_role": customRoleAttribute("The custom role that grants them, for `google_organization_iam_custom_role`."),
	})
}

func gcpSchema(context.Context) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Installs P0's Google Cloud integration for a GCP organization: the root that every " +
			"`p0_gcp_*` resource needs, and what P0 generates for the organization's side (its service account, and " +
			"the roles and permissions to grant it). P0 holds one per organization; `organization_id` forces replacement.",
		Attributes: map[string]schema.Attribute{
			"organization_id": install.Key("The GCP organization's numeric ID. Changing it replaces the resource.", install.GCPOrganizationID),
			"service_account_email": install.Computed("The email of the Google service account P0 acts as in the organization, " +
				"for the IAM bindings that grant it access."),
			"access_logs": permissionsRoleAttribute("What P0 needs to read the organization's access logs."),
			"iam_assessment": install.ComputedObject("What P0 needs to assess IAM.", map[string]schema.Attribute{
				"permissions": install.ComputedObject("The permissions, by level.", map[string]schema.Attribute{
					"project":      install.ComputedList("The permissions P0 needs in each project it assesses."),
					"organization": install.ComputedList("The permissions P0 needs in the organization."),
				}),
			}),
			"org_wide_policy": permissionsRoleAttribute("What P0 needs to read the organization's policies."),
		},
	}
}
