package settings

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestExpiryOptionsResetProgress invokes the action and checks the
// progress messages it sends while it runs, which Terraform shows as they
// come.
func TestExpiryOptionsResetProgress(t *testing.T) {
	acctest.ExpectProgress(t, acctest.Configured(NewExpiryOptionsResetAction(), acctest.NewTestEnv(t).Client(t)), map[string]tftypes.Value{},
		`Resetting the expiry options of organization "`+acctest.TestOrg+`" to P0's presets`,
		"P0 now offers 5 expiry options: 5 minutes, 1 hour, 1 day, 1 week, 30 days",
	)
}
