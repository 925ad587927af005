package azure

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The earlier schemas of p0_azure_bastion_host, as P0's own provider
// stored them: version 0 (provider 0.44.0 and before) held an Azure
// Bastion host's bastion_id and role_definition_id flat; version 1 nested
// them, beside the jump host, with one role_definition_id each. Version 2
// split that role into the standard access role (the role it was) and the
// admin access role, which nothing held before: it upgrades empty, so
// that the next plan shows the configured role, and replaces the host as
// any change of its kind does.

type bastionHostModelV0 struct {
	SubscriptionID   types.String `tfsdk:"subscription_id"`
	BastionID        types.String `tfsdk:"bastion_id"`
	RoleDefinitionID types.String `tfsdk:"role_definition_id"`
	Label            types.String `tfsdk:"label"`
	State            types.String `tfsdk:"state"`
}

type bastionHostModelV1 struct {
	SubscriptionID types.String `tfsdk:"subscription_id"`
	AzureBastion   *struct {
		BastionID        types.String `tfsdk:"bastion_id"`
		RoleDefinitionID types.String `tfsdk:"role_definition_id"`
	} `tfsdk:"azure_bastion"`
	JumpHost *struct {
		VirtualMachineID types.String `tfsdk:"virtual_machine_id"`
		RoleDefinitionID types.String `tfsdk:"role_definition_id"`
		IP               types.String `tfsdk:"ip"`
	} `tfsdk:"jump_host"`
	Label types.String `tfsdk:"label"`
	State types.String `tfsdk:"state"`
}

// noAdminRole is the admin access role of an upgraded host.
var noAdminRole = types.StringValue("")

func bastionHostUpgraders(context.Context) map[int64]resource.StateUpgrader {
	str := func(computed bool) schema.StringAttribute {
		return schema.StringAttribute{Required: !computed, Computed: computed}
	}
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: &schema.Schema{Attributes: map[string]schema.Attribute{
				"subscription_id": str(false), "bastion_id": str(false), "role_definition_id": str(false),
				"label": str(true), "state": str(true),
			}},
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var prior bastionHostModelV0
				if resp.Diagnostics.Append(req.State.Get(ctx, &prior)...); resp.Diagnostics.HasError() {
					return
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, bastionHostModel{
					SubscriptionID: prior.SubscriptionID, Label: prior.Label, State: prior.State,
					AzureBastion: &azureBastionModel{BastionID: prior.BastionID, StandardAccessRoleID: prior.RoleDefinitionID, AdminAccessRoleID: noAdminRole},
				})...)
			},
		},
		1: {
			PriorSchema: &schema.Schema{Attributes: map[string]schema.Attribute{
				"subscription_id": str(false),
				"azure_bastion": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
					"bastion_id": str(false), "role_definition_id": str(false),
				}},
				"jump_host": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
					"virtual_machine_id": str(false), "role_definition_id": str(false), "ip": str(true),
				}},
				"label": str(true), "state": str(true),
			}},
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var prior bastionHostModelV1
				if resp.Diagnostics.Append(req.State.Get(ctx, &prior)...); resp.Diagnostics.HasError() {
					return
				}
				upgraded := bastionHostModel{SubscriptionID: prior.SubscriptionID, Label: prior.Label, State: prior.State}
				if b := prior.AzureBastion; b != nil {
					upgraded.AzureBastion = &azureBastionModel{BastionID: b.BastionID, StandardAccessRoleID: b.RoleDefinitionID, AdminAccessRoleID: noAdminRole}
				}
				if j := prior.JumpHost; j != nil {
					upgraded.JumpHost = &jumpHostVMModel{VirtualMachineID: j.VirtualMachineID, StandardAccessRoleID: j.RoleDefinitionID,
						AdminAccessRoleID: noAdminRole, IP: j.IP}
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, upgraded)...)
			},
		},
	}
}
