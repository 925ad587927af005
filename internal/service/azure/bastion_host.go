package azure

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The bastion P0 connects users through to an Azure subscription's
// virtual machines: an Azure Bastion host, staged first (P0 generates the
// custom role it needs) and then installed, or a jump host, installed in
// one step.

var bastionHost = install.Component{Integration: integrationAzure, Key: "bastion-host", What: "Azure bastion host", Of: "subscription"}

// The kinds of bastion, as P0 names them.
const (
	kindAzureBastion = "azureBastion"
	kindJumpHost     = "jumpHost"
)

// bastionHostModel is p0_azure_bastion_host's state (schema version 2).
type bastionHostModel struct {
	SubscriptionID types.String       `tfsdk:"subscription_id"`
	AzureBastion   *azureBastionModel `tfsdk:"azure_bastion"`
	JumpHost       *jumpHostVMModel   `tfsdk:"jump_host"`
	Label          types.String       `tfsdk:"label"`
	State          types.String       `tfsdk:"state"`
}

func (m bastionHostModel) Identity() framework.Identity {
	return install.SubscriptionIdentity{SubscriptionID: m.SubscriptionID}
}

type azureBastionModel struct {
	BastionID            types.String `tfsdk:"bastion_id"`
	StandardAccessRoleID types.String `tfsdk:"standard_access_role_id"`
	AdminAccessRoleID    types.String `tfsdk:"admin_access_role_id"`
}

type jumpHostVMModel struct {
	VirtualMachineID     types.String `tfsdk:"virtual_machine_id"`
	StandardAccessRoleID types.String `tfsdk:"standard_access_role_id"`
	AdminAccessRoleID    types.String `tfsdk:"admin_access_role_id"`
	IP                   types.String `tfsdk:"ip"`
}

// bastionHostBody is the bastion as every step of the install sends it.
// P0 resolves the jump host's IP.
func bastionHostBody(m bastionHostModel) *install.Body {
	return install.NewBody().Object("bastion", func(b *install.Body) {
		switch {
		case m.AzureBastion != nil:
			b.Set("type", kindAzureBastion).
				String("standardAccessRoleId", m.AzureBastion.StandardAccessRoleID, install.Omit).
				String("adminAccessRoleId", m.AzureBastion.AdminAccessRoleID, install.Omit).
				Object("bastionHost", func(h *install.Body) {
					h.Set("type", "single").String("bastionId", m.AzureBastion.BastionID, install.Omit)
				})
		case m.JumpHost != nil:
			b.Set("type", kindJumpHost).
				String("standardAccessRoleId", m.JumpHost.StandardAccessRoleID, install.Omit).
				String("adminAccessRoleId", m.JumpHost.AdminAccessRoleID, install.Omit).
				String("virtualMachineId", m.JumpHost.VirtualMachineID, install.Omit).
				Owns("ip")
		}
	}).Owns("label")
}

// readBastionHost is m as P0 holds its item: the bastion of the kind P0
// holds.
func readBastionHost(m bastionHostModel, item, _ install.Fields) bastionHostModel {
	m.Label, m.State = item.String("label"), item.String("state")
	bastion := item.Object("bastion")
	m.AzureBastion, m.JumpHost = nil, nil
	switch bastion.String("type").ValueString() {
	case kindAzureBastion:
		m.AzureBastion = &azureBastionModel{BastionID: bastion.Object("bastionHost").String("bastionId"),
			StandardAccessRoleID: bastion.String("standardAccessRoleId"), AdminAccessRoleID: bastion.String("adminAccessRoleId")}
	case kindJumpHost:
		m.JumpHost = &jumpHostVMModel{VirtualMachineID: bastion.String("virtualMachineId"), IP: bastion.String("ip"),
			StandardAccessRoleID: bastion.String("standardAccessRoleId"), AdminAccessRoleID: bastion.String("adminAccessRoleId")}
	}
	return m
}

// bastionKindAttribute is one kind of bastion: changing it replaces the
// resource.
func bastionKindAttribute(description string, attributes map[string]schema.Attribute) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{MarkdownDescription: description + " Changing it replaces the resource.",
		Optional: true, Attributes: attributes,
		PlanModifiers: []planmodifier.Object{objectplanmodifier.RequiresReplace()}}
}

// accessRoleAttributes are the roles P0 grants the users it connects.
func accessRoleAttributes(attributes map[string]schema.Attribute) map[string]schema.Attribute {
	attributes["standard_access_role_id"] = install.Required("The role definition P0 grants users who connect, "+
		"`/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>`.", install.AzureRoleID)
	attributes["admin_access_role_id"] = install.Required("The role definition P0 grants users who connect with "+
		"administrator (sudo) access.", install.AzureRoleID)
	return attributes
}

var bastionHostSpec = install.InstalledSpec[bastionHostModel]{
	Spec: install.Spec[bastionHostModel]{
		Title: "Azure Bastion Host",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				Version: 2,
				MarkdownDescription: "Installs the bastion P0 connects users through to an Azure subscription's virtual " +
					"machines: an Azure Bastion host (`azure_bastion`), once `p0_azure_bastion_host_staged` has staged it " +
					"and its role is granted, or a jump host (`jump_host`), in one step. P0 verifies it, waiting while " +
					"permissions propagate. Destroying an Azure Bastion host puts the item back in stage, where the " +
					"staged resource keeps it; destroying a jump host removes the item. Needs `p0_azure`.",
				Attributes: map[string]schema.Attribute{
					"subscription_id": subscriptionAttribute,
					"azure_bastion": bastionKindAttribute("An Azure Bastion host. Set this or `jump_host`.", accessRoleAttributes(map[string]schema.Attribute{
						"bastion_id": install.Required("The Bastion host's resource ID, "+
							"`/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/bastionHosts/<name>`.", install.AzureBastionID),
					})),
					"jump_host": bastionKindAttribute("A virtual machine used as a jump host. Set this or `azure_bastion`.", accessRoleAttributes(map[string]schema.Attribute{
						"virtual_machine_id": install.Required("The virtual machine's resource ID, "+
							"`/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Compute/virtualMachines/<name>`.", install.AzureVirtualMachine),
						"ip": install.Computed("The jump host's IP address, which P0 resolves."),
					})),
					"label": install.Computed("The item's display name in P0."),
					"state": install.State(true),
				},
			}
		},
		IdentitySchema: subscriptionIdentitySchema,
		Validate:       install.ExactlyOneOf("azure_bastion", "jump_host"),
		Upgraders:      bastionHostUpgraders,
		Describe:       func(m bastionHostModel) string { return bastionHost.Describe(m.SubscriptionID) },
		Ref:            func(m bastionHostModel) p0.ItemRef { return bastionHost.Ref(m.SubscriptionID) },
		Import: func(id string) (bastionHostModel, error) {
			return bastionHostModel{SubscriptionID: types.StringValue(id)}, nil
		},
		RootType: rootType,
		Read:     readBastionHost,
	},
	// The whole bastion is staged before it is verified, as P0's client
	// does.
	RestageBody:   func(m bastionHostModel) any { return bastionHostBody(m) },
	ConfigureBody: bastionHostBody,
	State:         func(m bastionHostModel) string { return m.State.ValueString() },
	UninstallBy: func(m bastionHostModel) install.Uninstall {
		if m.JumpHost != nil {
			return install.DeleteItem
		}
		return install.Rollback
	},
	StagedType: "p0_azure_bastion_host_staged",
}

var bastionHostStagedSpec = install.Spec[subscriptionStagedModel]{
	Title: "Staged Azure Bastion Host",
	Schema: func(context.Context) schema.Schema {
		return stagedSubscriptionSchema("Stages an Azure Bastion host for an Azure subscription, and exposes the " +
			"custom role P0 needs there. Create the role and assign it to P0's app, then install the host with " +
			"`p0_azure_bastion_host`'s `azure_bastion`. A jump host needs no staged resource. Needs `p0_azure`.")
	},
	IdentitySchema: subscriptionIdentitySchema,
	Describe:       func(m subscriptionStagedModel) string { return bastionHost.Describe(m.SubscriptionID) },
	Ref:            func(m subscriptionStagedModel) p0.ItemRef { return bastionHost.Ref(m.SubscriptionID) },
	Import:         fromSubscription,
	RootType:       rootType,
	Read:           readSubscriptionStaged,
}

// NewBastionHostStagedResource returns the p0_azure_bastion_host_staged resource.
func NewBastionHostStagedResource() resource.Resource {
	return install.NewStaged[subscriptionStagedModel, install.SubscriptionIdentity]("azure_bastion_host_staged", bastionHostStagedSpec)
}

// NewBastionHostResource returns the p0_azure_bastion_host resource.
func NewBastionHostResource() resource.Resource {
	return install.NewInstalled[bastionHostModel, install.SubscriptionIdentity]("azure_bastion_host", bastionHostSpec)
}

// NewBastionHostStagedListResource returns the p0_azure_bastion_host_staged list resource.
func NewBastionHostStagedListResource() list.ListResource {
	return install.NewList("azure_bastion_host_staged", install.ListOf(bastionHost, bastionHostStagedSpec, false))
}

// NewBastionHostListResource returns the p0_azure_bastion_host list resource.
func NewBastionHostListResource() list.ListResource {
	return install.NewList("azure_bastion_host", install.ListOf(bastionHost, bastionHostSpec.Spec, true))
}
