package routing

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// earlyGroupSeed is a rule as P0's own provider 0.15 and 0.16 wrote one:
// its group requestor and group approval step named by directory, id and
// label, fields this provider keeps without modeling them.
const earlyGroupSeed = `{"name": "Early group",
  "requestor": {"type": "group", "directory": "okta", "id": "00g1", "label": "Engineering"},
  "resource": {"type": "any"},
  "approval": [{"type": "group", "directory": "okta", "id": "00g2", "label": "Operations"}]}`

// earlyGroupFields are the fields of earlyGroupSeed that name its groups,
// which every write must send back as P0 holds them.
var earlyGroupFields = map[string]string{
	"requestor.directory": `"okta"`,
	"requestor.id":        `"00g1"`,
	"requestor.label":     `"Engineering"`,
	"approval.0.id":       `"00g2"`,
	"approval.0.label":    `"Operations"`,
}

// TestAccGroupNamedOtherwise adopts a rule whose group requestor is named
// by neither uid nor groups, by p0_routing_rule and by p0_routing_workflow:
// the generated configuration plans without error and changes nothing; an
// update keeps the fields that name the groups; and renaming the rule,
// which makes it a new one that names no group, is refused at plan time.
func TestAccGroupNamedOtherwise(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	for _, tc := range []struct{ kind, address, id string }{
		{"p0_routing_rule", "p0_routing_rule.early", "Early group"},
		{"p0_routing_workflow", "p0_routing_workflow.this", acctest.TestOrg},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			t.Parallel()
			env := acctest.NewTestEnv(t)
			env.Mock.SeedRoutingRule(earlyGroupSeed)
			ctx := context.Background()
			cli := acctest.NewTerraformCLI(t, env.ProviderBlock()+`
import {
  to = `+tc.address+`
  id = "`+tc.id+`"
}
`)
			generated, text, _ := acctest.GenerateConfig(t, cli)
			acctest.ApplyAdoption(t, env, cli, text)
			env.CheckKeptNow(t, "Early group", earlyGroupFields)

			disabled := regexp.MustCompile(`disabled\s*=\s*false`)
			if !disabled.Match(text) {
				t.Fatalf("the generated configuration does not say disabled = false:\n%s", text)
			}
			acctest.WriteText(t, generated, disabled.ReplaceAllString(string(text), "disabled = true"))
			if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
				t.Fatalf("applying the update: %v", err)
			}
			env.CheckKeptNow(t, "Early group", earlyGroupFields)
			if rule, _ := env.Mock.RoutingRuleJSON("Early group"); !strings.Contains(acctest.CompactJSON(rule), `"disabled":true`) {
				t.Errorf("P0 holds the rule without disabled = true after the update: %s", acctest.JSONText(rule))
			}
			if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach)); err != nil || changes {
				t.Fatalf("the plan after the update: changes %t, error %v; want none", changes, err)
			}

			named := regexp.MustCompile(`name\s*=\s*"Early group"`)
			if !named.Match(text) {
				t.Fatalf("the generated configuration does not name the rule:\n%s", text)
			}
			acctest.WriteText(t, generated, named.ReplaceAllString(string(text), `name = "Renamed group"`))
			_, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach))
			if err == nil || !acctest.ExpectError(`A requestor of type "group" is named by requestor.uid or by requestor.groups`).MatchString(err.Error()) {
				t.Fatalf("the plan renaming the rule: %v; want the error that its group is named by nothing", err)
			}
		})
	}
}
