package routing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestAccOddValues adopts a routing that holds one rule with odd values
// beside a plain one: by import with -generate-config-out, by the workflow
// data source, and by terraform query. Each warns about the odd rule, and
// only it, naming its unreadable values; the adoption writes nothing and
// re-plans empty; an update sends P0 the new value with every unreadable
// one as P0 held it; and the next plan is empty.
func TestAccOddValues(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	for _, variant := range []string{"documented", "routing-camel"} {
		t.Run(variant+"/adopted", func(t *testing.T) {
			t.Parallel()
			env := acctest.NewVariantEnv(t, variant)
			unreadable := acctest.OddUnreadableIn(variant)
			env.Mock.SeedRoutingRule(acctest.OddRuleSeed)
			env.Mock.SeedRoutingRule(acctest.PlainRuleSeed)
			ctx := context.Background()
			cli := acctest.NewTerraformCLI(t, env.ProviderBlock()+`
import {
  to = p0_routing_rule.odd
  id = "Odd values"
}

import {
  to = p0_routing_rule.plain
  id = "Plain"
}

data "p0_routing_workflow" "current" {}
`)
			generated, text, log := acctest.GenerateConfig(t, cli)
			// One warning from the import's read, one from the data source.
			checkUnreadableWarnings(t, acctest.WarningsIn(t, log), 2, unreadable)
			if !strings.Contains(string(text), "cooldown") || !strings.Contains(string(text), "= 60") {
				t.Errorf("the generated configuration has no cooldown of 60, which P0 spells \"60\":\n%s", text)
			}
			acctest.ApplyAdoption(t, env, cli, text)
			env.CheckKeptNow(t, "Odd values", unreadable)

			acctest.WriteText(t, generated, strings.Replace(string(text), "= 60", "= 120", 1))
			if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
				t.Fatalf("applying the change: %v", err)
			}
			env.CheckKeptNow(t, "Odd values", unreadable)
			stored, _ := env.Mock.RoutingRuleJSON("Odd values")
			if cooldown, _ := acctest.JSONAt(stored, "approval.0.options.cooldown"); acctest.CompactJSON(cooldown) != "120" {
				t.Errorf("P0 holds the cooldown %s after the update, want 120: %s", acctest.CompactJSON(cooldown), acctest.JSONText(stored))
			}
			if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach)); err != nil || changes {
				t.Fatalf("the plan after the update: changes %t, error %v; want none", changes, err)
			}
		})
		t.Run(variant+"/queried", func(t *testing.T) {
			t.Parallel()
			env := acctest.NewVariantEnv(t, variant)
			env.Mock.SeedRoutingRule(acctest.OddRuleSeed)
			env.Mock.SeedRoutingRule(acctest.PlainRuleSeed)
			testOddValuesQuery(t, env, acctest.OddUnreadableIn(variant))
		})
	}
}

// testOddValuesQuery lists the routing rules with terraform query, where
// the CLI has it: the odd rule's result warns, the plain one's does not.
func testOddValuesQuery(t *testing.T, env *acctest.TestEnv, unreadable map[string]string) {
	t.Helper()
	cli := acctest.NewTerraformCLI(t, env.ProviderBlock())
	cli.SkipUnlessQuery(t)
	query := filepath.Join(cli.Tf.WorkingDir(), "rules.tfquery.hcl")
	if err := os.WriteFile(query, []byte(acctest.ListBlock("p0_routing_rule", "all", "")), 0o600); err != nil {
		t.Fatal(err)
	}
	messages, err := cli.Tf.QueryJSON(context.Background(), tfexec.Reattach(cli.Reattach))
	if err != nil {
		t.Fatal(err)
	}
	var warnings []tfjson.Diagnostic
	for m := range messages {
		if m.Err != nil {
			t.Fatalf("terraform query: %v", m.Err)
		}
		if d, ok := m.Msg.(tfjson.DiagnosticLogMessage); ok && d.Diagnostic.Severity == tfjson.DiagnosticSeverityWarning {
			warnings = append(warnings, d.Diagnostic)
		}
	}
	checkUnreadableWarnings(t, warnings, 1, unreadable)
}

// checkUnreadableWarnings checks that warnings hold n about unreadable
// values, each naming the odd rule and every unreadable value's field,
// and none naming the plain rule.
func checkUnreadableWarnings(t *testing.T, warnings []tfjson.Diagnostic, n int, unreadable map[string]string) {
	t.Helper()
	found := 0
	for _, w := range warnings {
		if w.Summary != "Values Not Readable by Terraform" {
			continue
		}
		found++
		if !strings.Contains(w.Detail, `"Odd values"`) || strings.Contains(w.Detail, `"Plain"`) {
			t.Errorf("the warning names the wrong rules: %s", w.Detail)
		}
		for path := range unreadable {
			field := path[strings.LastIndex(path, ".")+1:]
			if !strings.Contains(w.Detail, field) {
				t.Errorf("the warning does not name %s: %s", path, w.Detail)
			}
		}
	}
	if found != n {
		t.Errorf("%d warnings about unreadable values, want %d: %+v", found, n, warnings)
	}
}
