package azure

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestBastionHostUpgradesP0State checks that the state P0's own provider
// stored at schema versions 0 and 1 reads as version 2: the role it held
// as the standard access role, the admin access role empty.
func TestBastionHostUpgradesP0State(t *testing.T) {
	const (
		bastion = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b"
		vm      = "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
		role    = "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/r"
	)
	s := types.StringValue
	upgradedBastion := &azureBastionModel{BastionID: s(bastion), StandardAccessRoleID: s(role), AdminAccessRoleID: s("")}
	cases := map[string]struct {
		version int64
		prior   map[string]any
		want    bastionHostModel
	}{
		"v0": {0, map[string]any{"bastion_id": bastion, "role_definition_id": role},
			bastionHostModel{AzureBastion: upgradedBastion}},
		"v1 azure bastion": {1, map[string]any{"azure_bastion": map[string]any{"bastion_id": bastion, "role_definition_id": role}},
			bastionHostModel{AzureBastion: upgradedBastion}},
		"v1 jump host": {1, map[string]any{"jump_host": map[string]any{"virtual_machine_id": vm, "role_definition_id": role, "ip": "10.0.0.4"}},
			bastionHostModel{JumpHost: &jumpHostVMModel{VirtualMachineID: s(vm), StandardAccessRoleID: s(role), AdminAccessRoleID: s(""), IP: s("10.0.0.4")}}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			c.prior["subscription_id"], c.prior["label"], c.prior["state"] = "sub-1", "b", "installed"
			got := acctest.Upgrade[bastionHostModel](t, NewBastionHostResource(), c.version, c.prior)
			want := c.want
			want.SubscriptionID, want.Label, want.State = s("sub-1"), s("b"), s("installed")
			if !sameBastionHost(got, want) {
				t.Errorf("upgraded to %+v, want %+v", got, want)
			}
		})
	}
}

// sameBastionHost compares two states field by field, through the
// pointers to their kinds.
func sameBastionHost(a, b bastionHostModel) bool {
	sameBastion := (a.AzureBastion == nil) == (b.AzureBastion == nil) && (a.AzureBastion == nil || *a.AzureBastion == *b.AzureBastion)
	sameJumpHost := (a.JumpHost == nil) == (b.JumpHost == nil) && (a.JumpHost == nil || *a.JumpHost == *b.JumpHost)
	return a.SubscriptionID == b.SubscriptionID && a.Label == b.Label && a.State == b.State && sameBastion && sameJumpHost
}
