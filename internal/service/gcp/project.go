package gcp

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The components P0 installs in one GCP project: IAM assessment and IAM
// write (each staged, so that the project's side can be granted what P0
// generates, then installed), access logs and sharing restriction (each
// installed in one step). Every one is identified by its project.

// projectItemModel is the state of an installed project component.
type projectItemModel struct {
	Project types.String `tfsdk:"project"`
	State   types.String `tfsdk:"state"`
}

func (m projectItemModel) Identity() framework.Identity {
	return install.ProjectIdentity{Project: m.Project}
}

// assessmentStagedModel is p0_gcp_iam_assessment_staged's state: what P0
// needs granted in the project.
type assessmentStagedModel struct {
	Project     types.String     `tfsdk:"project"`
	State       types.String     `tfsdk:"state"`
	Permissions types.List       `tfsdk:"permissions"`
	CustomRole  *customRoleModel `tfsdk:"custom_role"`
}

func (m assessmentStagedModel) Identity() framework.Identity {
	return install.ProjectIdentity{Project: m.Project}
}

// writeStagedModel is p0_gcp_iam_write_staged's state: what P0 needs
// granted in the project, including a predefined role.
type writeStagedModel struct {
	assessmentStagedModel
	PredefinedRole types.String `tfsdk:"predefined_role"`
}

// projectComponent names a project component and the resources of it.
type projectComponent struct {
	install.Component
	title string // as diagnostics name it: "GCP IAM Write"
}

// newProjectComponent is the project component key, named title in
// diagnostics and what in messages.
func newProjectComponent(key, title, what string) projectComponent {
	return projectComponent{install.Component{Integration: integrationGCP, Key: key, What: what, Of: "project"}, title}
}

var (
	iamAssessment      = newProjectComponent("iam-assessment", "GCP IAM Assessment", "GCP IAM assessment")
	iamWrite           = newProjectComponent("iam-write", "GCP IAM Write", "GCP IAM write")
	accessLogs         = newProjectComponent("access-logs", "GCP Access Logs", "GCP access logs")
	sharingRestriction = newProjectComponent("sharing-restriction", "GCP Sharing Restriction", "GCP sharing restriction")
)

// projectIdentitySchema is the identity of every project component.
var projectIdentitySchema = install.IdentitySchema("project", "The GCP project's ID.")

// installedSpec is the spec of a project component installed after its
// staged resource (staged: its type), or in one step (staged: "").
func (c projectComponent) installedSpec(description, staged string, projectValidated bool) install.InstalledSpec[projectItemModel] {
	uninstall := install.Rollback
	if staged == "" {
		uninstall = install.DeleteItem
	}
	return install.InstalledSpec[projectItemModel]{
		Spec: install.Spec[projectItemModel]{
			Title:          c.title,
			Schema:         func(context.Context) schema.Schema { return projectItemSchema(description, projectValidated) },
			IdentitySchema: projectIdentitySchema,
			Describe:       func(m projectItemModel) string { return c.Describe(m.Project) },
			Ref:            func(m projectItemModel) p0.ItemRef { return c.Ref(m.Project) },
			Import: func(id string) (projectItemModel, error) {
				return projectItemModel{Project: types.StringValue(id)}, nil
			},
			RootType: "p0_gcp",
			Read: func(m projectItemModel, item, _ install.Fields) projectItemModel {
				m.State = item.String("state")
				return m
			},
		},
		ConfigureBody: func(projectItemModel) *install.Body { return install.NewBody().Set("state", "") },
		State:         func(m projectItemModel) string { return m.State.ValueString() },
		Uninstall:     uninstall,
		StagedType:    staged,
	}
}

// projectItemSchema is an installed project component's schema.
func projectItemSchema(description string, projectValidated bool) schema.Schema {
	project := install.Key("The GCP project's ID. Changing it replaces the resource.")
	if projectValidated {
		project = install.Key(project.MarkdownDescription, install.GCPProjectID)
	}
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"project": project,
			"state":   install.State(true),
		},
	}
}

// fromProject is the state of the item of project, before it is read.
func fromProject(id string) projectItemModel { return projectItemModel{Project: types.StringValue(id)} }

// The staged project components.

var assessmentStagedSpec = install.Spec[assessmentStagedModel]{
	Title:          "Staged GCP IAM Assessment",
	Schema:         func(context.Context) schema.Schema { return stagedSchema(iamAssessment, false) },
	IdentitySchema: projectIdentitySchema,
	Describe:       func(m assessmentStagedModel) string { return iamAssessment.Describe(m.Project) },
	Ref:            func(m assessmentStagedModel) p0.ItemRef { return iamAssessment.Ref(m.Project) },
	Import:         func(id string) (assessmentStagedModel, error) { return fromProjectStaged(id), nil },
	RootType:       "p0_gcp",
	Read:           readAssessmentStaged,
}

var writeStagedSpec = install.Spec[writeStagedModel]{
	Title:          "Staged GCP IAM Write",
	Schema:         func(context.Context) schema.Schema { return stagedSchema(iamWrite, true) },
	IdentitySchema: projectIdentitySchema,
	Describe:       func(m writeStagedModel) string { return iamWrite.Describe(m.Project) },
	Ref:            func(m writeStagedModel) p0.ItemRef { return iamWrite.Ref(m.Project) },
	Import:         func(id string) (writeStagedModel, error) { return fromWriteStaged(id), nil },
	RootType:       "p0_gcp",
	Read: func(m writeStagedModel, item, metadata install.Fields) writeStagedModel {
		m.assessmentStagedModel = readAssessmentStaged(m.assessmentStagedModel, item, metadata)
		m.PredefinedRole = metadata.String("predefinedRole")
		return m
	},
}

func fromProjectStaged(id string) assessmentStagedModel {
	return assessmentStagedModel{Project: types.StringValue(id)}
}

func fromWriteStaged(id string) writeStagedModel {
	return writeStagedModel{assessmentStagedModel: fromProjectStaged(id)}
}

// readAssessmentStaged is a staged project component's state as P0 holds
// it: its state, and the permissions and role P0 generated.
func readAssessmentStaged(m assessmentStagedModel, item, metadata install.Fields) assessmentStagedModel {
	m.State = item.String("state")
	m.Permissions = metadata.Strings("requiredPermissions")
	m.CustomRole = customRole(metadata.Object("customRole"))
	return m
}

// stagedSchema is a staged project component's schema.
func stagedSchema(c projectComponent, predefinedRole bool) schema.Schema {
	attributes := map[string]schema.Attribute{
		"project":     install.Key("The GCP project's ID. Changing it replaces the resource."),
		"state":       install.State(false),
		"permissions": install.ComputedList("The permissions P0 needs in the project."),
		"custom_role": customRoleAttribute("The custom role to create with those permissions and grant P0's service account, " +
			"for `google_project_iam_custom_role` and `google_project_iam_member`."),
	}
	if predefinedRole {
		attributes["predefined_role"] = install.Computed("The predefined role P0's service account needs beside the custom role.")
	}
	return schema.Schema{
		MarkdownDescription: "Stages " + c.What + " for a GCP project, and exposes what P0 needs granted in it: the " +
			"permissions, the custom role to create with them" + map[bool]string{true: ", and a predefined role", false: ""}[predefinedRole] +
			". Grant them to P0's service account (`p0_gcp`'s `service_account_email`), then install the component " +
			"with the resource of the same name without `_staged`. Needs `p0_gcp`.",
		Attributes: attributes,
	}
}

// Constructors.

// NewIAMAssessmentStagedResource returns the p0_gcp_iam_assessment_staged resource.
func NewIAMAssessmentStagedResource() resource.Resource {
	return install.NewStaged[assessmentStagedModel, install.ProjectIdentity]("gcp_iam_assessment_staged", assessmentStagedSpec)
}

// NewIAMAssessmentResource returns the p0_gcp_iam_assessment resource.
func NewIAMAssessmentResource() resource.Resource {
	return install.NewInstalled[projectItemModel, install.ProjectIdentity]("gcp_iam_assessment", iamAssessmentSpec)
}

// NewIAMWriteStagedResource returns the p0_gcp_iam_write_staged resource.
func NewIAMWriteStagedResource() resource.Resource {
	return install.NewStaged[writeStagedModel, install.ProjectIdentity]("gcp_iam_write_staged", writeStagedSpec)
}

// NewIAMWriteResource returns the p0_gcp_iam_write resource.
func NewIAMWriteResource() resource.Resource {
	return install.NewInstalled[projectItemModel, install.ProjectIdentity]("gcp_iam_write", iamWriteSpec)
}

// NewAccessLogsResource returns the p0_gcp_access_logs resource.
func NewAccessLogsResource() resource.Resource {
	return install.NewInstalled[projectItemModel, install.ProjectIdentity]("gcp_access_logs", accessLogsSpec)
}

// NewSharingRestrictionResource returns the p0_gcp_sharing_restriction resource.
func NewSharingRestrictionResource() resource.Resource {
	return install.NewInstalled[projectItemModel, install.ProjectIdentity]("gcp_sharing_restriction", sharingRestrictionSpec)
}

var (
	iamAssessmentSpec = iamAssessment.installedSpec("Installs P0's IAM assessment in a GCP project, once "+
		"`p0_gcp_iam_assessment_staged` has staged it and the project grants P0 what it generated; P0 verifies the "+
		"grants, waiting while they propagate. Destroying it puts the item back in stage, where the staged resource keeps it.",
		"p0_gcp_iam_assessment_staged", false)
	iamWriteSpec = iamWrite.installedSpec("Installs P0's IAM write (just-in-time access) in a GCP project, once "+
		"`p0_gcp_iam_write_staged` has staged it and the project grants P0 what it generated; P0 verifies the grants, "+
		"waiting while they propagate. Destroying it puts the item back in stage, where the staged resource keeps it.",
		"p0_gcp_iam_write_staged", true)
	accessLogsSpec = accessLogs.installedSpec("Installs P0's access logs for a GCP project in one step: stages, "+
		"verifies (waiting while permissions propagate) and configures the item. Destroying it removes the item.", "", true)
	sharingRestrictionSpec = sharingRestriction.installedSpec("Installs P0's sharing restriction for a GCP project in one "+
		"step: stages, verifies (waiting while permissions propagate) and configures the item. Destroying it removes the item.", "", true)
)

// List resources.

// NewIAMAssessmentStagedListResource returns the p0_gcp_iam_assessment_staged list resource.
func NewIAMAssessmentStagedListResource() list.ListResource {
	return install.NewList("gcp_iam_assessment_staged", install.ListOf(iamAssessment.Component, assessmentStagedSpec, false))
}

// NewIAMAssessmentListResource returns the p0_gcp_iam_assessment list resource.
func NewIAMAssessmentListResource() list.ListResource {
	return install.NewList("gcp_iam_assessment", install.ListOf(iamAssessment.Component, iamAssessmentSpec.Spec, true))
}

// NewIAMWriteStagedListResource returns the p0_gcp_iam_write_staged list resource.
func NewIAMWriteStagedListResource() list.ListResource {
	return install.NewList("gcp_iam_write_staged", install.ListOf(iamWrite.Component, writeStagedSpec, false))
}

// NewIAMWriteListResource returns the p0_gcp_iam_write list resource.
func NewIAMWriteListResource() list.ListResource {
	return install.NewList("gcp_iam_write", install.ListOf(iamWrite.Component, iamWriteSpec.Spec, true))
}

// NewAccessLogsListResource returns the p0_gcp_access_logs list resource.
func NewAccessLogsListResource() list.ListResource {
	return install.NewList("gcp_access_logs", install.ListOf(accessLogs.Component, accessLogsSpec.Spec, true))
}

// NewSharingRestrictionListResource returns the p0_gcp_sharing_restriction list resource.
func NewSharingRestrictionListResource() list.ListResource {
	return install.NewList("gcp_sharing_restriction", install.ListOf(sharingRestriction.Component, sharingRestrictionSpec.Spec, true))
}
