package ssh

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestAzureUpgradesP0State checks that p0_ssh_azure's state as P0's own
// provider stored it at schema version 0 reads as version 1, without the
// bastion and roles that moved to p0_azure_bastion_host.
func TestAzureUpgradesP0State(t *testing.T) {
	got := acctest.Upgrade[azureModel](t, NewAzureResource(), 0, map[string]any{
		"subscription_id": "sub-1", "group_key": "team", "is_sudo_enabled": true, "label": "prod", "state": "installed",
		"bastion_id":              "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Network/bastionHosts/b",
		"standard_access_role_id": "role-1", "admin_access_role_id": "role-2",
	})
	want := azureModel{SubscriptionID: types.StringValue("sub-1"), sshFields: sshFields{GroupKey: types.StringValue("team"),
		IsSudoEnabled: types.BoolValue(true), Label: types.StringValue("prod"), State: types.StringValue("installed")}}
	if got != want {
		t.Errorf("upgraded to %+v, want %+v", got, want)
	}
}
