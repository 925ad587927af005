package azure

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// TestBastionHostUpgradesP0State checks that the state P0's own provider
// stored at schema versions 0 and 1 reads as version 2: the role it held
// as the standard access role, the admin access role empty.
func TestBastionHostUpgradesP0State(t *testing.T) {
	ctx := context.Background()
	const (
		sub     = "sub-1"
		bastion = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b"
		vm      = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
		role    = "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/r"
	)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	object := func(values map[string]tftypes.Value) tftypes.Value {
		types := map[string]tftypes.Type{}
		for name, v := range values {
			types[name] = v.Type()
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, values)
	}
	nullObject := func(names ...string) tftypes.Value {
		types := map[string]tftypes.Type{}
		for _, name := range names {
			types[name] = tftypes.String
		}
		return tftypes.NewValue(tftypes.Object{AttributeTypes: types}, nil)
	}
	cases := map[string]struct {
		version int64
		prior   tftypes.Value
		want    bastionHostModel
	}{
		"v0": {0, object(map[string]tftypes.Value{"subscription_id": str(sub), "bastion_id": str(bastion),
			"role_definition_id": str(role), "label": str("b"), "state": str("installed")}),
			bastionHostModel{AzureBastion: &azureBastionModel{BastionID: str2(bastion), StandardAccessRoleID: str2(role), AdminAccessRoleID: str2("")}}},
		"v1 azure bastion": {1, object(map[string]tftypes.Value{"subscription_id": str(sub), "label": str("b"), "state": str("installed"),
			"azure_bastion": object(map[string]tftypes.Value{"bastion_id": str(bastion), "role_definition_id": str(role)}),
			"jump_host":     nullObject("virtual_machine_id", "role_definition_id", "ip")}),
			bastionHostModel{AzureBastion: &azureBastionModel{BastionID: str2(bastion), StandardAccessRoleID: str2(role), AdminAccessRoleID: str2("")}}},
		"v1 jump host": {1, object(map[string]tftypes.Value{"subscription_id": str(sub), "label": str("b"), "state": str("installed"),
			"azure_bastion": nullObject("bastion_id", "role_definition_id"),
			"jump_host":     object(map[string]tftypes.Value{"virtual_machine_id": str(vm), "role_definition_id": str(role), "ip": str("10.0.0.4")})}),
			bastionHostModel{JumpHost: &jumpHostVMModel{VirtualMachineID: str2(vm), StandardAccessRoleID: str2(role), AdminAccessRoleID: str2(""), IP: str2("10.0.0.4")}}},
	}
	r := NewBastionHostResource().(resource.ResourceWithUpgradeState)
	var current resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &current)
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			upgrader := r.UpgradeState(ctx)[c.version]
			req := resource.UpgradeStateRequest{State: &tfsdk.State{Schema: upgrader.PriorSchema, Raw: c.prior}}
			resp := resource.UpgradeStateResponse{State: tfsdk.State{Schema: current.Schema}}
			upgrader.StateUpgrader(ctx, req, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("upgrade: %v", resp.Diagnostics)
			}
			var got bastionHostModel
			if diags := resp.State.Get(ctx, &got); diags.HasError() {
				t.Fatalf("reading the upgraded state: %v", diags)
			}
			want := c.want
			want.SubscriptionID, want.Label, want.State = str2(sub), str2("b"), str2("installed")
			if !sameBastionHost(got, want) {
				t.Errorf("upgraded to %+v, want %+v", got, want)
			}
		})
	}
}

func str2(s string) types.String { return types.StringValue(s) }

// sameBastionHost compares two states field by field, through the
// pointers to their kinds.
func sameBastionHost(a, b bastionHostModel) bool {
	sameBastion := (a.AzureBastion == nil) == (b.AzureBastion == nil) && (a.AzureBastion == nil || *a.AzureBastion == *b.AzureBastion)
	sameJumpHost := (a.JumpHost == nil) == (b.JumpHost == nil) && (a.JumpHost == nil || *a.JumpHost == *b.JumpHost)
	return a.SubscriptionID == b.SubscriptionID && a.Label == b.Label && a.State == b.State && sameBastion && sameJumpHost
}
