package azure

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The app P0 acts as in the directory: one item, "_", staged (P0 generates
// the app's name and the credential it trusts), then installed with the
// app's client ID. P0's own provider cannot import it; this one imports it
// by the P0 organization id.

var app = install.Component{Integration: integrationAzure, Key: "azure-app", What: "Azure app registration"}

// appStagedModel is p0_azure_app_staged's state.
type appStagedModel struct {
	ID             types.String         `tfsdk:"id"`
	AppName        types.String         `tfsdk:"app_name"`
	CredentialInfo *credentialInfoModel `tfsdk:"credential_info"`
	State          types.String         `tfsdk:"state"`
}

func (m appStagedModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

// appModel is p0_azure_app's state.
type appModel struct {
	ID                       types.String `tfsdk:"id"`
	ClientID                 types.String `tfsdk:"client_id"`
	ClientServicePrincipalID types.String `tfsdk:"client_service_principal_id"`
	State                    types.String `tfsdk:"state"`
}

func (m appModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

// orgIDAttribute is a singleton's id: the P0 organization, which imports it.
var orgIDAttribute = framework.IDAttribute("The P0 organization id, which P0 holds this item once for. Also the import ID.")

// appRef is the app's item, one per organization.
func appRef() p0.ItemRef {
	return p0.ItemRef{Integration: integrationAzure, Component: app.Key, ID: p0.SingletonID}
}

var appStagedSpec = install.Spec[appStagedModel]{
	Title: "Staged Azure App",
	Schema: func(context.Context) schema.Schema {
		attributes := appAttributes()
		attributes["id"], attributes["state"] = orgIDAttribute, install.State(false)
		return schema.Schema{
			MarkdownDescription: "Stages the app registration P0 acts as in the Azure directory, and exposes its name and " +
				"the federated credential it must trust. Register the app, then install it with `p0_azure_app`. Needs `p0_azure`.",
			Attributes: attributes,
		}
	},
	IdentitySchema: framework.OrgIdentitySchema,
	Describe:       func(appStagedModel) string { return "the Azure app registration" },
	Ref:            func(appStagedModel) p0.ItemRef { return appRef() },
	RootType:       rootType,
	Read: func(m appStagedModel, item, metadata install.Fields) appStagedModel {
		m.State, m.AppName = item.String("state"), metadata.String("appName")
		m.CredentialInfo = readCredentialInfo(metadata.Object("credentialInfo"))
		return m
	},
	Singleton: func(m appStagedModel, org string) appStagedModel {
		m.ID = types.StringValue(org)
		return m
	},
}

var appSpec = install.InstalledSpec[appModel]{
	Spec: install.Spec[appModel]{
		Title: "Azure App",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs the app registration P0 acts as, once `p0_azure_app_staged` has staged it " +
					"and the app is registered with its credential: P0 verifies the app, waiting while Entra propagates " +
					"it. Destroying it puts the item back in stage, where the staged resource keeps it. Needs `p0_azure`.",
				Attributes: map[string]schema.Attribute{
					"id":                          orgIDAttribute,
					"client_id":                   install.Key("The app's client (application) ID. Changing it replaces the resource.", install.UUID),
					"client_service_principal_id": install.Computed("The object ID of the app's service principal, which P0 finds."),
					"state":                       install.State(true),
				},
			}
		},
		IdentitySchema: framework.OrgIdentitySchema,
		Describe:       func(appModel) string { return "the Azure app registration" },
		Ref:            func(appModel) p0.ItemRef { return appRef() },
		RootType:       rootType,
		Read: func(m appModel, item, _ install.Fields) appModel {
			m.ClientID, m.ClientServicePrincipalID, m.State = item.String("clientId"), item.String("clientServicePrincipalId"), item.String("state")
			return m
		},
		Singleton: func(m appModel, org string) appModel {
			m.ID = types.StringValue(org)
			return m
		},
	},
	RestageBody: func(appModel) any { return install.NewBody() },
	ConfigureBody: func(m appModel) *install.Body {
		return install.NewBody().String("clientId", m.ClientID, install.Omit).Owns("clientServicePrincipalId")
	},
	State:      func(m appModel) string { return m.State.ValueString() },
	StagedType: "p0_azure_app_staged",
}

// NewAppStagedResource returns the p0_azure_app_staged resource.
func NewAppStagedResource() resource.Resource {
	return install.NewStaged[appStagedModel, framework.OrgIdentity]("azure_app_staged", appStagedSpec)
}

// NewAppResource returns the p0_azure_app resource.
func NewAppResource() resource.Resource {
	return install.NewInstalled[appModel, framework.OrgIdentity]("azure_app", appSpec)
}
