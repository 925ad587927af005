package azure

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
)

// What the components P0 installs in an Azure subscription share: the
// subscription that names the item, and the custom role P0 generates for
// it while it is staged.

// subscriptionStagedModel is the state of a staged subscription component.
type subscriptionStagedModel struct {
	SubscriptionID types.String     `tfsdk:"subscription_id"`
	CustomRole     *customRoleModel `tfsdk:"custom_role"`
	State          types.String     `tfsdk:"state"`
}

func (m subscriptionStagedModel) Identity() framework.Identity {
	return install.SubscriptionIdentity{SubscriptionID: m.SubscriptionID}
}

// customRoleModel is the Azure custom role P0 needs in a subscription.
type customRoleModel struct {
	Name            types.String `tfsdk:"name"`
	Description     types.String `tfsdk:"description"`
	Actions         types.List   `tfsdk:"actions"`
	IsCustom        types.Bool   `tfsdk:"is_custom"`
	AssignableScope types.String `tfsdk:"assignable_scope"`
	Condition       types.String `tfsdk:"condition"`
}

// readSubscriptionStaged is m as P0 holds its item, with the custom role
// P0 generated.
func readSubscriptionStaged(m subscriptionStagedModel, item, metadata install.Fields) subscriptionStagedModel {
	m.State = item.String("state")
	m.CustomRole = nil
	if role := metadata.Object("customRole"); role.Present() {
		m.CustomRole = &customRoleModel{
			Name: role.String("name"), Description: role.String("description"), Actions: role.Strings("actions"),
			IsCustom: role.Bool("isCustom"), AssignableScope: role.String("assignableScope"), Condition: role.String("condition"),
		}
	}
	return m
}

// subscriptionAttribute is the subscription that names the item.
var subscriptionAttribute = install.Key("The Azure subscription's ID. Changing it replaces the resource.")

var subscriptionIdentitySchema = install.IdentitySchema("subscription_id", "The Azure subscription's ID.")

// stagedSubscriptionSchema is a staged subscription component's schema.
func stagedSubscriptionSchema(description string) schema.Schema {
	return schema.Schema{
		MarkdownDescription: description,
		Attributes: map[string]schema.Attribute{
			"subscription_id": subscriptionAttribute,
			"state":           install.State(false),
			"custom_role": install.ComputedObject("The custom role P0 needs in the subscription, for "+
				"`azurerm_role_definition` and an assignment to P0's app.", map[string]schema.Attribute{
				"name":             install.Computed("The role's name."),
				"description":      install.Computed("The role's description."),
				"actions":          install.ComputedList("The actions the role permits."),
				"is_custom":        install.ComputedBool("Whether the role is a custom role."),
				"assignable_scope": install.Computed("The scope the role can be assigned at."),
				"condition":        install.Computed("The role's condition; empty for none."),
			}),
		},
	}
}

// fromSubscription is the state of the item of subscription id, before it
// is read.
func fromSubscription(id string) (subscriptionStagedModel, error) {
	return subscriptionStagedModel{SubscriptionID: types.StringValue(id)}, nil
}
