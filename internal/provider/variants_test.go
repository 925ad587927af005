package provider_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// variantsHCL is the configuration of TestAccVariants: an AWS component
// staged and installed in one apply with a role built from the staged
// metadata (unless installed is false: then only staged), an AWS component
// that stages its item itself, the JIT settings and two expiry options.
func variantsHCL(installed bool, label, standing, maximum string, expiryMinutes int) string {
	write := acctest.OnboardingHCL("write", p0.ComponentIAMWrite, variantsWriteAccount, `login = { type = "idc", identity = { type = "email" } }`)
	if !installed {
		write = `
resource "p0_aws_component_staged" "write" {
  component  = "iam-write"
  account_id = "` + variantsWriteAccount + `"
}

resource "terraform_data" "write_role" {
  input = {
    name               = p0_aws_component_staged.write.role_name
    assume_role_policy = p0_aws_component_staged.write.trust_policy
    policy_name        = p0_aws_component_staged.write.inline_policy_name
    policy             = p0_aws_component_staged.write.inline_policy
  }
}
`
	}
	return write + fmt.Sprintf(`
resource "p0_aws_component" "inventory" {
  component  = "inventory"
  account_id = %q
  label      = %q
}

resource "p0_jit_settings" "this" {
  allow_one_party          = true
  require_reason           = false
  standing_access_duration = { time = %s }
  max_access_duration      = { time = %s }
}

resource "p0_expiry_option" "two_hours" {
  time = 2
  unit = "h"
}

resource "p0_expiry_option" "minutes" {
  time = %d
  unit = "m"
}
`, variantsInventoryAccount, label, standing, maximum, expiryMinutes)
}

const (
	variantsWriteAccount     = "424242424201"
	variantsInventoryAccount = "424242424202"
)

// TestAccVariants runs the AWS lifecycle (onboarding with a role created
// in the same apply, a component that stages its own item, update, an
// uninstall that keeps the staged item, destroy), the JIT settings
// lifecycle (create, both durations changed, import) and the expiry
// option lifecycle (create, replace, import, destroy) against every answer
// a real P0 may give where the documents are silent (p0mock.Variants).
// Each step checks what P0 holds; every step after a change re-plans to
// nothing, so a variant that makes the provider guess wrong fails here.
func TestAccVariants(t *testing.T) {
	for _, variant := range p0mock.Variants() {
		if slices.Contains(acctest.RoutingVariants[1:], variant.Name) {
			continue // they concern routing rules only: TestAccBeyondTheDocuments_* run them
		}
		t.Run(variant.Name, func(t *testing.T) {
			env := acctest.NewTestEnvBehaving(t, variant.Behavior)
			login := &p0.AWSLogin{Type: "idc", Identity: &p0.AWSLoginIdentity{Type: "email"}}
			var stagedRole string
			steps := []resource.TestStep{
				{
					Config: env.Config(variantsHCL(true, "inventory", `2, unit = "h"`, `7, unit = "d"`, 90)),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("p0_aws_component.write", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
						statecheck.ExpectKnownValue("p0_aws_component.inventory", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateInstalled)),
						statecheck.ExpectKnownValue("terraform_data.write_role", tfjsonpath.New("output").AtMapKey("name"), knownvalue.StringExact("P0RoleIamWrite")),
					},
					Check: resource.ComposeAggregateTestCheckFunc(
						acctest.ExpectAWSItem(env, p0.ComponentIAMWrite, variantsWriteAccount, acctest.Installed(p0.AWSItem{Login: login})),
						acctest.ExpectAWSItem(env, p0.ComponentInventory, variantsInventoryAccount, acctest.Installed(p0.AWSItem{Label: "inventory"})),
						acctest.CheckSettings(env, true, false, "2h", "7d"),
						acctest.CheckOnlyExpiryOptions(env, "5m", "1h", "24h", "168h", "720h", "2h", "90m"),
						func(s *terraform.State) error {
							stagedRole = s.RootModule().Resources["p0_aws_component_staged.write"].Primary.Attributes["trust_policy"]
							return nil
						},
					),
				},
				{
					Config: env.Config(variantsHCL(true, "inventory", `2, unit = "h"`, `7, unit = "d"`, 90)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
				},
				{
					// Uninstall the write component while its staged item
					// stays; relabel the other; raise both durations past
					// each other; replace an expiry option.
					Config: env.Config(variantsHCL(false, "inventory (all regions)", `10, unit = "d"`, `14, unit = "d"`, 45)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("p0_aws_component.write", plancheck.ResourceActionDestroy),
							plancheck.ExpectResourceAction("p0_aws_component_staged.write", plancheck.ResourceActionNoop),
							plancheck.ExpectResourceAction("p0_expiry_option.minutes", plancheck.ResourceActionReplace),
						},
					},
					Check: resource.ComposeAggregateTestCheckFunc(
						acctest.ExpectAWSItem(env, p0.ComponentIAMWrite, variantsWriteAccount, p0.AWSItem{State: p0.StateStage}),
						acctest.ExpectAWSItem(env, p0.ComponentInventory, variantsInventoryAccount, acctest.Installed(p0.AWSItem{Label: "inventory (all regions)"})),
						acctest.CheckSettings(env, true, false, "10d", "14d"),
						acctest.CheckOnlyExpiryOptions(env, "5m", "1h", "24h", "168h", "720h", "2h", "45m"),
					),
				},
				{
					// The staged item kept its metadata: the staged resource
					// and the role built from it see no change.
					Config: env.Config(variantsHCL(false, "inventory (all regions)", `10, unit = "d"`, `14, unit = "d"`, 45)),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("p0_aws_component_staged.write", tfjsonpath.New("state"), knownvalue.StringExact(p0.StateStage)),
					},
					Check: func(s *terraform.State) error {
						if got := s.RootModule().Resources["p0_aws_component_staged.write"].Primary.Attributes["trust_policy"]; got != stagedRole {
							return fmt.Errorf("the staged item's trust policy changed across the uninstall: %q, was %q", got, stagedRole)
						}
						return nil
					},
				},
				{
					ResourceName:      "p0_aws_component.inventory",
					ImportState:       true,
					ImportStateVerify: true,
				},
				{
					ResourceName:      "p0_expiry_option.minutes",
					ImportState:       true,
					ImportStateVerify: true,
				},
			}
			if variant.Behavior.SettingsReads == 0 {
				// Without the settings reads an import learns nothing, as the
				// resource's documentation says.
				steps = append(steps, resource.TestStep{
					ResourceName:      "p0_jit_settings.this",
					ImportState:       true,
					ImportStateId:     acctest.TestOrg,
					ImportStateVerify: true,
					// An import reads every setting; the configuration
					// leaves the approvable duration to P0.
					ImportStateVerifyIgnore: []string{"approvable_duration"},
				})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckOnlyBaseLeft(env),
					acctest.CheckOnlyExpiryOptions(env, "5m", "1h", "24h", "168h", "720h"),
				),
				Steps: steps,
			})
		})
	}
}
