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

// The jump host P0 runs in the directory as a Function App: one item, "_",
// installed in one step. P0's own provider cannot import it; this one
// imports it by the P0 organization id.

// jumpHostModel is p0_azure_jump_host's state.
type jumpHostModel struct {
	ID                    types.String `tfsdk:"id"`
	ClientID              types.String `tfsdk:"client_id"`
	FunctionAppResourceID types.String `tfsdk:"function_app_resource_id"`
	DirectoryID           types.String `tfsdk:"directory_id"`
	ServiceAccountEmail   types.String `tfsdk:"service_account_email"`
	ServiceAccountID      types.String `tfsdk:"service_account_id"`
	Label                 types.String `tfsdk:"label"`
	State                 types.String `tfsdk:"state"`
}

func (m jumpHostModel) Identity() framework.Identity { return framework.OrgIdentity{Org: m.ID} }

var jumpHostSpec = install.InstalledSpec[jumpHostModel]{
	Spec: install.Spec[jumpHostModel]{
		Title: "Azure Jump Host",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's Azure jump host, a Function App P0 connects users through, in one step: " +
					"stages, verifies (waiting while permissions propagate) and configures the item. Changing the app " +
					"reconfigures it in place. Destroying it removes the item. Needs `p0_azure`.",
				Attributes: map[string]schema.Attribute{
					"id":        orgIDAttribute,
					"client_id": install.Required("The client (application) ID of the app the Function App runs as.", install.UUID),
					"function_app_resource_id": install.Required("The Function App's resource ID, "+
						"`/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Web/sites/<name>`.", install.AzureFunctionApp),
					"directory_id":          install.Computed("The directory the jump host serves."),
					"service_account_email": install.Computed("The email of the Google service account P0 acts as."),
					"service_account_id":    install.Computed("The unique ID of that service account."),
					"label":                 install.Computed("The item's display name in P0."),
					"state":                 install.State(true),
				},
			}
		},
		IdentitySchema: framework.OrgIdentitySchema,
		Describe:       func(jumpHostModel) string { return "the Azure jump host" },
		Ref: func(jumpHostModel) p0.ItemRef {
			return p0.ItemRef{Integration: integrationAzure, Component: "jump-host", ID: p0.SingletonID}
		},
		RootType: rootType,
		Read: func(m jumpHostModel, item, _ install.Fields) jumpHostModel {
			m.ClientID, m.FunctionAppResourceID = item.String("clientId"), item.String("functionAppResourceId")
			m.DirectoryID, m.ServiceAccountEmail, m.ServiceAccountID = item.String("directoryId"), item.String("serviceAccountEmail"), item.String("serviceAccountId")
			m.Label, m.State = item.String("label"), item.String("state")
			return m
		},
		Singleton: func(m jumpHostModel, org string) jumpHostModel {
			m.ID = types.StringValue(org)
			return m
		},
	},
	ConfigureBody: func(m jumpHostModel) *install.Body {
		return install.NewBody().String("clientId", m.ClientID, install.Omit).String("functionAppResourceId", m.FunctionAppResourceID, install.Omit).
			Owns("directoryId", "serviceAccountEmail", "serviceAccountId", "label")
	},
	State:     func(m jumpHostModel) string { return m.State.ValueString() },
	Uninstall: install.DeleteItem,
}

// NewJumpHostResource returns the p0_azure_jump_host resource.
func NewJumpHostResource() resource.Resource {
	return install.NewInstalled[jumpHostModel, framework.OrgIdentity]("azure_jump_host", jumpHostSpec)
}
