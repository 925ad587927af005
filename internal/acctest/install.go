package acctest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// InstallCase is the acceptance test of one install resource (RunInstall):
// the lifecycle every resource of the install engine must go through.
type InstallCase struct {
	// Name names the case among its family's.
	Name string
	// Address is the resource's address, for example
	// p0_gcp_iam_write.this.
	Address string
	// Before is what the resource needs beside it (the integration's
	// root resource, its staged resource), applied with it.
	Before string
	// Config is the resource's block. Updated, when set, changes it in
	// place, and Replaced, when set, in a way that replaces it.
	Config, Updated, Replaced string
	// ImportID is the import ID of the object Config makes, and Identity
	// its identity's attributes.
	ImportID string
	Identity map[string]string
	// Ref is the item the resource manages in P0; for an integration's
	// root, its Integration alone.
	Ref p0.ItemRef
	// Installed says whether the resource leaves its item installed, or
	// staged.
	Installed bool
	// IgnoreOnImport are the attributes an import cannot read back: the
	// secrets P0 never returns.
	IgnoreOnImport []string
	// Variant is the mock's behavior, where P0's documents are silent.
	Variant string
}

// RunInstall runs each case, in parallel, against an organization of its
// own: create, an empty re-plan, import by ID (and by identity where the
// CLI has identities), an item deleted in P0 planned back and created
// again, an update in place and a replacement where the case has them, and
// a destroy that leaves nothing in P0.
func RunInstall(t *testing.T, cases []InstallCase) {
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			env := NewVariantEnv(t, c.Variant)
			full := func(block string) string { return env.Config(c.Before + block) }
			steps := []resource.TestStep{
				{Config: full(c.Config), Check: c.checkHeld(env, true)},
				{Config: full(c.Config), ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				{
					Config: full(c.Config), ResourceName: c.Address, ImportState: true, ImportStateId: c.ImportID,
					ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: c.identifier(), ImportStateVerifyIgnore: c.IgnoreOnImport,
				},
			}
			if IdentitySupported(t) {
				steps[0].ConfigStateChecks = []statecheck.StateCheck{statecheck.ExpectIdentity(c.Address, c.identityChecks())}
				steps = append(steps, resource.TestStep{
					Config: full(c.Config), ResourceName: c.Address, ImportState: true, ImportStateKind: resource.ImportBlockWithResourceIdentity,
				})
			}
			steps = append(steps, resource.TestStep{
				// Deleted in P0: the plan creates it again.
				PreConfig:        func() { c.remove(env) },
				Config:           full(c.Config),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionCreate)}},
				Check:            c.checkHeld(env, true),
			})
			if c.Updated != "" {
				steps = append(steps, resource.TestStep{
					Config:           full(c.Updated),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionUpdate)}},
					Check:            c.checkHeld(env, true),
				}, resource.TestStep{Config: full(c.Updated), PlanOnly: true})
			}
			if c.Replaced != "" {
				steps = append(steps, resource.TestStep{
					Config:           full(c.Replaced),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(c.Address, plancheck.ResourceActionReplace)}},
				}, resource.TestStep{Config: full(c.Replaced), PlanOnly: true})
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             c.checkHeld(env, false),
				Steps:                    steps,
			})
		})
	}
}

// identifier is the attribute an import's state is matched on: the one
// the identity names.
func (c InstallCase) identifier() string {
	for name := range c.Identity {
		if name != "org" {
			return name
		}
	}
	return "id"
}

func (c InstallCase) identityChecks() map[string]knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for name, value := range c.Identity {
		checks[name] = knownvalue.StringExact(value)
	}
	return checks
}

// remove deletes the case's object in P0, behind Terraform's back.
func (c InstallCase) remove(env *TestEnv) {
	if c.Ref.Component == "" {
		env.Mock.UninstallIntegration(c.Ref.Integration)
		return
	}
	env.Mock.DeleteItem(c.Ref)
}

// checkHeld checks that P0 holds the case's object, in the state the
// resource leaves it, or does not hold it.
func (c InstallCase) checkHeld(env *TestEnv, held bool) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if c.Ref.Component == "" {
			if installed := env.Mock.IntegrationInstalled(c.Ref.Integration); installed != held {
				return fmt.Errorf("the %s integration installed: %t, want %t", c.Ref.Integration, installed, held)
			}
			return nil
		}
		item, ok := env.Mock.Item(c.Ref)
		switch {
		case ok != held:
			return fmt.Errorf("P0 holds %s: %t, want %t", c.Ref, ok, held)
		case !held:
			return nil
		case c.Installed != (item.State() == p0.StateInstalled):
			return fmt.Errorf("P0 holds %s in state %q; installed wanted: %t", c.Ref, item.State(), c.Installed)
		}
		return nil
	}
}

// InstallBlock is a resource block of type (p0_gcp_iam_write) named this,
// with attributes, one per line.
func InstallBlock(resourceType string, attributes ...string) string {
	return "resource \"" + resourceType + "\" \"this\" {\n  " + strings.Join(attributes, "\n  ") + "\n}\n"
}
