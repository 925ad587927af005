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

// integrationAzure is the Azure integration's key.
const integrationAzure = "azure"

// rootType is the resource that installs the integration, which every
// other Azure resource needs.
const rootType = "p0_azure"

// azureModel is p0_azure's state: the directory P0's Azure integration is
// installed for, and what P0 generates for it.
type azureModel struct {
	DirectoryID         types.String         `tfsdk:"directory_id"`
	ServiceAccountEmail types.String         `tfsdk:"service_account_email"`
	ServiceAccountID    types.String         `tfsdk:"service_account_id"`
	AppName             types.String         `tfsdk:"app_name"`
	CredentialInfo      *credentialInfoModel `tfsdk:"credential_info"`
	State               types.String         `tfsdk:"state"`
}

func (m azureModel) Identity() framework.Identity {
	return install.DirectoryIdentity{DirectoryID: m.DirectoryID}
}

// credentialInfoModel is the federated credential the app P0 acts as must
// trust.
type credentialInfoModel struct {
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	Issuer      types.String `tfsdk:"issuer"`
	Audiences   types.List   `tfsdk:"audiences"`
}

// readCredentialInfo reads the federated credential, nil where P0 gives
// none.
func readCredentialInfo(f install.Fields) *credentialInfoModel {
	if !f.Present() {
		return nil
	}
	return &credentialInfoModel{Name: f.String("name"), Description: f.String("description"), Issuer: f.String("issuer"), Audiences: f.Strings("audiences")}
}

// appAttributes are what P0 generates for the app it acts as.
func appAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"app_name": install.Computed("The name of the app registration P0 acts as, for `azuread_application`."),
		"credential_info": install.ComputedObject("The federated identity credential the app must trust, for "+
			"`azuread_application_federated_identity_credential`.", map[string]schema.Attribute{
			"name":        install.Computed("The credential's name."),
			"description": install.Computed("The credential's description."),
			"issuer":      install.Computed("The issuer of the tokens P0 presents."),
			"audiences":   install.ComputedList("The audiences of those tokens."),
		}),
	}
}

// NewAzureResource returns the p0_azure resource.
func NewAzureResource() resource.Resource {
	return install.NewRoot[azureModel, install.DirectoryIdentity]("azure", azureSpec)
}

var azureSpec = install.RootSpec[azureModel]{
	Spec: install.Spec[azureModel]{
		Title: "Azure Integration",
		Schema: func(context.Context) schema.Schema {
			attributes := appAttributes()
			attributes["directory_id"] = install.Key("The Microsoft Entra directory (tenant) ID. Changing it replaces the resource.", install.UUID)
			attributes["service_account_email"] = install.Computed("The email of the Google service account P0 acts as, whose tokens the app trusts.")
			attributes["service_account_id"] = install.Computed("The unique ID of that service account, the subject of its tokens.")
			attributes["state"] = install.State(false)
			return schema.Schema{
				MarkdownDescription: "Installs P0's Azure integration for a Microsoft Entra directory: the root that " +
					"every `p0_azure_*` resource needs, and what P0 generates for the directory's side (the app to " +
					"register and the credential it trusts). P0 holds one per organization; `directory_id` forces replacement.",
				Attributes: attributes,
			}
		},
		IdentitySchema: install.IdentitySchema("directory_id", "The Microsoft Entra directory (tenant) ID."),
		Describe:       func(m azureModel) string { return "the Azure integration of directory " + m.DirectoryID.ValueString() },
		Ref:            func(azureModel) p0.ItemRef { return p0.ItemRef{Integration: integrationAzure} },
		Import:         func(id string) (azureModel, error) { return azureModel{DirectoryID: types.StringValue(id)}, nil },
		Read: func(m azureModel, root, metadata install.Fields) azureModel {
			if directory := root.String("directoryId"); !directory.IsNull() {
				m.DirectoryID = directory
			}
			m.ServiceAccountEmail, m.ServiceAccountID = root.String("serviceAccountEmail"), root.String("serviceAccountId")
			m.State = root.String("state")
			m.AppName, m.CredentialInfo = metadata.String("appName"), readCredentialInfo(metadata.Object("credentialInfo"))
			return m
		},
	},
	RootBody: func(m azureModel) *install.Body {
		return install.NewBody().String("directoryId", m.DirectoryID, install.Omit).Owns("serviceAccountEmail", "serviceAccountId", "state")
	},
	Same: func(m azureModel, root install.Fields) bool { return root.String("directoryId").Equal(m.DirectoryID) },
}
