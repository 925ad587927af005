package roles_test

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
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// TestAccRoleBindings runs each of the eight role bindings through a
// create, an empty re-plan, an import by id and by identity, a
// replacement, and a destroy that leaves P0 without the binding. Emails are
// bound in lower case and kept in state as written.
func TestAccRoleBindings(t *testing.T) {
	type binding struct{ slug, name string }
	for _, role := range []binding{{"owner", "owner"}, {"manager", "security_reviewer"}, {"iamOwner", "assessment"}, {"iamViewer", "assessment_viewer"}} {
		for _, kind := range []struct{ suffix, attribute, kind, value, bound, other string }{
			{"user", "email", "users", "Alice@Example.com", "alice@example.com", "bob@example.com"},
			{"group", "group", "groups", "P0 Admins", "P0 Admins", "Security Team"},
		} {
			resourceType := "p0_" + role.name + "_" + kind.suffix
			t.Run(resourceType, func(t *testing.T) {
				env := acctest.NewTestEnv(t)
				address := resourceType + ".this"
				config := func(v string) string {
					return env.Config(acctest.InstallBlock(resourceType, kind.attribute+" = "+fmt.Sprintf("%q", v)))
				}
				bound := func(want ...string) resource.TestCheckFunc {
					return func(*terraform.State) error {
						got := slices.DeleteFunc(env.Mock.RoleMembers(role.slug, kind.kind), func(m string) bool { return m == p0mock.SeedOwner })
						if !slices.Equal(got, want) {
							return fmt.Errorf("P0 binds %s to %v, want %v", role.slug, got, want)
						}
						return nil
					}
				}
				steps := []resource.TestStep{
					{
						Config: config(kind.value), Check: bound(kind.bound),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue(address, tfjsonpath.New(kind.attribute), knownvalue.StringExact(kind.value))},
					},
					{Config: config(kind.value), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
					{Config: config(kind.value), ResourceName: address, ImportState: true, ImportStateId: kind.value,
						ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: kind.attribute},
				}
				if acctest.IdentitySupported(t) {
					steps = append(steps, resource.TestStep{Config: config(kind.value), ResourceName: address, ImportState: true,
						ImportStateKind: resource.ImportBlockWithResourceIdentity})
				}
				steps = append(steps, resource.TestStep{
					Config: config(kind.other), Check: bound(kind.other),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionReplace)}},
				})
				resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), CheckDestroy: bound(), Steps: steps})
			})
		}
	}
}

// TestAccRoleBindings_lastOwner checks that a destroy P0 refuses (the
// organization's last owner) fails with P0's words and status, keeps the
// binding in state, and succeeds once P0 has another owner.
func TestAccRoleBindings_lastOwner(t *testing.T) {
	env := acctest.NewTestEnv(t)
	owner := env.Config(acctest.InstallBlock("p0_owner_user", `email = "alice@example.com"`))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: owner},
			{
				PreConfig:   func() { env.Mock.SetRoleMembers("owner", "users", "alice@example.com") },
				Config:      owner,
				Destroy:     true,
				ExpectError: acctest.ExpectError("Unable to Delete Owner Role Binding", "422 Unprocessable Entity: Cannot remove the last owner"),
			},
			{
				PreConfig: func() { env.Mock.SetRoleMembers("owner", "users", "alice@example.com", p0mock.SeedOwner) },
				Config:    owner,
				Destroy:   true,
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if got := env.Mock.RoleMembers("owner", "users"); !slices.Equal(got, []string{p0mock.SeedOwner}) {
				return fmt.Errorf("owners %v, want only %s", got, p0mock.SeedOwner)
			}
			return nil
		},
	})
}
