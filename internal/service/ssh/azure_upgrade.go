package ssh

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// p0_ssh_azure's schema version 0, as P0's own provider stored it, held
// the bastion and the roles P0 grants, which moved to
// p0_azure_bastion_host: version 1 drops them.
type azureModelV0 struct {
	SubscriptionID       types.String `tfsdk:"subscription_id"`
	GroupKey             types.String `tfsdk:"group_key"`
	IsSudoEnabled        types.Bool   `tfsdk:"is_sudo_enabled"`
	Label                types.String `tfsdk:"label"`
	State                types.String `tfsdk:"state"`
	BastionID            types.String `tfsdk:"bastion_id"`
	StandardAccessRoleID types.String `tfsdk:"standard_access_role_id"`
	AdminAccessRoleID    types.String `tfsdk:"admin_access_role_id"`
}

func azureUpgraders(context.Context) map[int64]resource.StateUpgrader {
	required := schema.StringAttribute{Required: true}
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: &schema.Schema{Attributes: map[string]schema.Attribute{
				"subscription_id":         required,
				"group_key":               schema.StringAttribute{Optional: true, Computed: true},
				"is_sudo_enabled":         schema.BoolAttribute{Optional: true, Computed: true},
				"label":                   schema.StringAttribute{Computed: true},
				"state":                   schema.StringAttribute{Computed: true},
				"bastion_id":              required,
				"standard_access_role_id": required,
				"admin_access_role_id":    required,
			}},
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var prior azureModelV0
				if resp.Diagnostics.Append(req.State.Get(ctx, &prior)...); resp.Diagnostics.HasError() {
					return
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, azureModel{SubscriptionID: prior.SubscriptionID, sshFields: sshFields{
					GroupKey: prior.GroupKey, IsSudoEnabled: prior.IsSudoEnabled, Label: prior.Label, State: prior.State,
				}})...)
			},
		},
	}
}
