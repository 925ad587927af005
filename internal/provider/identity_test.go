package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Resource identity needs Terraform 1.12; OpenTofu has none.
var identityVersions = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_12_0), acctest.SkipOnOpenTofu("OpenTofu does not support resource identity"),
}

// identityCase is one resource of TestAccIdentity: where it is, and the
// identity it must have.
type identityCase struct {
	address  string
	identity map[string]string
}

// TestAccIdentity creates one of every resource, checks the identity each
// stores, then imports each again through an import block that names it by
// identity: the plan must import it with no change and the same identity.
// The routing workflow has an organization of its own, since it removes
// every rule it does not hold.
func TestAccIdentity(t *testing.T) {
	const account = "616161616161"
	t.Run("resources", func(t *testing.T) {
		testIdentities(t, acctest.FullRuleConfig("identity rule", false, 1)+acctest.StagedHCL("staged", p0.ComponentInventory, account)+acctest.AWSComponentHCL("installed", p0.ComponentFunctionCaller, acctest.TestLambdaARN, p0.AWSItem{}, "")+
			acctest.ExpiryOptionConfig(2, "h")+
			// Every setting, as an import by identity reads every one.
			strings.Replace(acctest.FullJITSettings(true, false, "1h", "8h"), "\n}", "\n  approvable_duration      = { time = 1, unit = \"d\" }\n}", 1),
			identityCase{"p0_routing_rule.test", map[string]string{"name": "identity rule"}},
			identityCase{"p0_aws_component_staged.staged", map[string]string{"component": p0.ComponentInventory, "id": account}},
			identityCase{"p0_aws_component.installed", map[string]string{"component": p0.ComponentFunctionCaller, "id": acctest.TestLambdaARN}},
			identityCase{"p0_expiry_option.test", map[string]string{"key": "2h"}},
			identityCase{"p0_jit_settings.test", map[string]string{"org": acctest.TestOrg}},
		)
	})
	t.Run("workflow", func(t *testing.T) {
		testIdentities(t, `
resource "p0_routing_workflow" "test" {
  rules = [{
    name      = "workflow rule"
    requestor = { type = "any" }
    resource  = { type = "any" }
    approval  = [{ type = "auto" }]
  }]
}
`, identityCase{"p0_routing_workflow.test", map[string]string{"org": acctest.TestOrg}})
	})
}

// testIdentities applies hcl in an organization of its own, checks each
// case's identity, and imports each by identity.
func testIdentities(t *testing.T, hcl string, cases ...identityCase) {
	env := acctest.NewTestEnv(t)
	config := env.Config(hcl)
	checks := []statecheck.StateCheck{}
	steps := []resource.TestStep{{Config: config}}
	for _, c := range cases {
		want := map[string]knownvalue.Check{}
		for name, value := range c.identity {
			want[name] = knownvalue.StringExact(value)
		}
		checks = append(checks, statecheck.ExpectIdentity(c.address, want))
		steps = append(steps, resource.TestStep{
			Config:          config,
			ResourceName:    c.address,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithResourceIdentity,
		})
	}
	steps[0].ConfigStateChecks = checks
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
}

// TestAccIdentity_invalidImport imports by identities that name nothing
// P0 has, or another organization: each is refused with the message
// import by ID gives.
func TestAccIdentity_invalidImport(t *testing.T) {
	env := acctest.NewTestEnv(t)
	importBlock := func(address, identity, body string) string {
		return env.Config(fmt.Sprintf("import {\n  to = %s\n  identity = %s\n}\n", address, identity) + body)
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   identityVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config:      importBlock("p0_jit_settings.test", `{ org = "another-org" }`, acctest.JitSettingsConfig("")),
				ExpectError: acctest.ExpectError("must be the provider's organization", `Got "another-org"`),
			},
			{
				Config:      importBlock("p0_aws_component_staged.staged", `{ component = "iam-write", id = "12345" }`, acctest.StagedHCL("staged", p0.ComponentIAMWrite, "123456789012")),
				ExpectError: acctest.ExpectError(`Cannot import "iam-write/12345"`, "12-digit AWS account ID"),
			},
			{
				Config:      importBlock("p0_expiry_option.test", `{ key = "2 hours" }`, acctest.ExpiryOptionConfig(2, "h")),
				ExpectError: acctest.ExpectError("import an expiry option by its key"),
			},
			{
				Config:      importBlock("p0_routing_rule.test", `{ name = "no such rule" }`, acctest.FullRuleConfig("no such rule", false, 1)),
				ExpectError: acctest.ExpectError("Cannot import non-existent remote object"),
			},
		},
	})
}
