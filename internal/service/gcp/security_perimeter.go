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

// The security perimeter of a GCP project: a Cloud Run service through
// which P0 writes IAM, staged (P0 generates the roles the service needs,
// and the image to run) and then installed with the service's URL.

var securityPerimeter = newProjectComponent("iam-write-security-perimeter", "GCP Security Perimeter", "GCP security perimeter")

// defaultRegion is where the perimeter's service runs unless set.
const defaultRegion = "us-west1"

// perimeterStagedModel is p0_gcp_security_perimeter_staged's state.
type perimeterStagedModel struct {
	Project             types.String            `tfsdk:"project"`
	Region              types.String            `tfsdk:"region"`
	State               types.String            `tfsdk:"state"`
	AllowedDomains      types.String            `tfsdk:"allowed_domains"`
	ImageDigest         types.String            `tfsdk:"image_digest"`
	CustomRole          *customRoleModel        `tfsdk:"custom_role"`
	RequiredPermissions types.List              `tfsdk:"required_permissions"`
	ProjectReaderRole   *projectReaderRoleModel `tfsdk:"project_reader_role"`
}

// projectReaderRoleModel is the role the perimeter's service needs to read
// the project.
type projectReaderRoleModel struct {
	CustomRole          *customRoleModel `tfsdk:"custom_role"`
	RequiredPermissions types.List       `tfsdk:"required_permissions"`
}

func (m perimeterStagedModel) Identity() framework.Identity {
	return install.ProjectIdentity{Project: m.Project}
}

// perimeterModel is p0_gcp_security_perimeter's state.
type perimeterModel struct {
	Project        types.String `tfsdk:"project"`
	Region         types.String `tfsdk:"region"`
	CloudRunURL    types.String `tfsdk:"cloud_run_url"`
	AllowedDomains types.String `tfsdk:"allowed_domains"`
	ImageDigest    types.String `tfsdk:"image_digest"`
	State          types.String `tfsdk:"state"`
}

func (m perimeterModel) Identity() framework.Identity {
	return install.ProjectIdentity{Project: m.Project}
}

// regionAttribute is the region of the perimeter's service.
var regionAttribute = func() schema.StringAttribute {
	a := install.Default("The region the perimeter's Cloud Run service runs in. Changing it replaces the resource.", defaultRegion)
	a.PlanModifiers = install.Key("").PlanModifiers
	return a
}()

// NewSecurityPerimeterStagedResource returns the p0_gcp_security_perimeter_staged resource.
func NewSecurityPerimeterStagedResource() resource.Resource {
	return install.NewStaged[perimeterStagedModel, install.ProjectIdentity]("gcp_security_perimeter_staged", perimeterStagedSpec)
}

// NewSecurityPerimeterResource returns the p0_gcp_security_perimeter resource.
func NewSecurityPerimeterResource() resource.Resource {
	return install.NewInstalled[perimeterModel, install.ProjectIdentity]("gcp_security_perimeter", perimeterSpec)
}

// NewSecurityPerimeterStagedListResource returns the p0_gcp_security_perimeter_staged list resource.
func NewSecurityPerimeterStagedListResource() list.ListResource {
	return install.NewList("gcp_security_perimeter_staged", install.ListOf(securityPerimeter.Component, perimeterStagedSpec, false))
}

// NewSecurityPerimeterListResource returns the p0_gcp_security_perimeter list resource.
func NewSecurityPerimeterListResource() list.ListResource {
	return install.NewList("gcp_security_perimeter", install.ListOf(securityPerimeter.Component, perimeterSpec.Spec, true))
}

var perimeterStagedSpec = install.Spec[perimeterStagedModel]{
	Title: "Staged GCP Security Perimeter",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages P0's security perimeter for a GCP project, and exposes what the perimeter's Cloud " +
				"Run service needs: the image to run, the domains it allows, and the roles to grant it. Deploy the service, " +
				"then install the perimeter with `p0_gcp_security_perimeter`. Needs `p0_gcp`, which owns the " +
				"Google Cloud integration's root: the perimeter never creates a root of its own, which `p0_gcp` " +
				"could then not install.",
			Attributes: map[string]schema.Attribute{
				"project":              install.Key("The GCP project's ID. Changing it replaces the resource."),
				"region":               regionAttribute,
				"state":                install.State(false),
				"allowed_domains":      install.Computed("The domains the perimeter allows, as P0 generated them."),
				"image_digest":         install.Computed("The digest of the image the perimeter's service runs."),
				"custom_role":          customRoleAttribute("The custom role the perimeter's service needs."),
				"required_permissions": install.ComputedList("The permissions of that role."),
				"project_reader_role": install.ComputedObject("The role the service needs to read the project.", map[string]schema.Attribute{
					"custom_role":          customRoleAttribute("The custom role."),
					"required_permissions": install.ComputedList("Its permissions."),
				}),
			},
		}
	},
	IdentitySchema: projectIdentitySchema,
	Describe:       func(m perimeterStagedModel) string { return securityPerimeter.Describe(m.Project) },
	Ref:            func(m perimeterStagedModel) p0.ItemRef { return securityPerimeter.Ref(m.Project) },
	Import: func(id string) (perimeterStagedModel, error) {
		return perimeterStagedModel{Project: types.StringValue(id)}, nil
	},
	RootType: "p0_gcp",
	StageBody: func(m perimeterStagedModel) any {
		return install.NewBody().String("region", m.Region, install.Omit)
	},
	Read: func(m perimeterStagedModel, item, metadata install.Fields) perimeterStagedModel {
		m.State = item.String("state")
		m.Region = item.StringOr("region", defaultRegion)
		m.AllowedDomains, m.ImageDigest = item.String("allowedDomains"), item.String("imageDigest")
		m.CustomRole = customRole(metadata.Object("customRole"))
		m.RequiredPermissions = metadata.Strings("requiredPermissions")
		reader := metadata.Object("projectReaderRole")
		m.ProjectReaderRole = &projectReaderRoleModel{CustomRole: customRole(reader.Object("customRole")), RequiredPermissions: reader.Strings("requiredPermissions")}
		return m
	},
}

var perimeterSpec = install.InstalledSpec[perimeterModel]{
	Spec: install.Spec[perimeterModel]{
		Title: "GCP Security Perimeter",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's security perimeter for a GCP project, once " +
					"`p0_gcp_security_perimeter_staged` has staged it and its Cloud Run service is deployed; P0 verifies " +
					"the service, waiting while its permissions propagate. Changing the URL, domains or image " +
					"reconfigures it in place. Destroying it removes the item.",
				Attributes: map[string]schema.Attribute{
					"project":         install.Key("The GCP project's ID. Changing it replaces the resource."),
					"region":          regionAttribute,
					"cloud_run_url":   install.Required("The URL of the perimeter's Cloud Run service.", install.URL),
					"allowed_domains": install.Required("The domains the perimeter allows."),
					"image_digest":    install.Required("The digest of the image the service runs."),
					"state":           install.State(true),
				},
			}
		},
		IdentitySchema: projectIdentitySchema,
		Describe:       func(m perimeterModel) string { return securityPerimeter.Describe(m.Project) },
		Ref:            func(m perimeterModel) p0.ItemRef { return securityPerimeter.Ref(m.Project) },
		Import:         func(id string) (perimeterModel, error) { return perimeterModel{Project: types.StringValue(id)}, nil },
		RootType:       "p0_gcp",
		StageBody: func(m perimeterModel) any {
			return install.NewBody().String("region", m.Region, install.Omit)
		},
		Read: func(m perimeterModel, item, _ install.Fields) perimeterModel {
			m.State, m.Region = item.String("state"), item.StringOr("region", defaultRegion)
			m.CloudRunURL, m.AllowedDomains, m.ImageDigest = item.String("cloudRunUrl"), item.String("allowedDomains"), item.String("imageDigest")
			return m
		},
	},
	ConfigureBody: func(m perimeterModel) *install.Body {
		return install.NewBody().
			String("region", m.Region, install.Omit).
			String("cloudRunUrl", m.CloudRunURL, install.Omit).
			String("allowedDomains", m.AllowedDomains, install.Omit).
			String("imageDigest", m.ImageDigest, install.Omit)
	},
	State:      func(m perimeterModel) string { return m.State.ValueString() },
	Uninstall:  install.DeleteItem,
	StagedType: "p0_gcp_security_perimeter_staged",
}
