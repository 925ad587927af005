package aws

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAWSComponentVerifyProgress invokes the action on an installed item
// and checks the progress messages it sends while it runs, which Terraform
// shows as they come.
func TestAWSComponentVerifyProgress(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.SetAWSItem(p0.ComponentInventory, "656565656565", acctest.Installed(p0.AWSItem{}))
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	acctest.ExpectProgress(t, acctest.Configured(NewAWSComponentVerifyAction(), env.Client(t)), map[string]tftypes.Value{
		"component": str(p0.ComponentInventory), "account_id": str("656565656565"),
		"function_arn": tftypes.NewValue(tftypes.String, nil), "timeout": tftypes.NewValue(tftypes.String, nil),
	},
		`Reading AWS component "inventory" in account 656565656565`,
		`Sending the configuration of AWS component "inventory" in account 656565656565 again; P0 answers once it has verified the AWS side`,
		`P0 verified AWS component "inventory" in account 656565656565`,
	)
}
