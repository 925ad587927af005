package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
)

// oddRuleSeed is a rule whose values P0 returns with other JSON types than
// the provider reads: numbers and booleans spelled as strings (read as
// what they spell), and values that cannot be read as their attribute's
// type (kept as P0 holds them). The mock stores the two-spelling fields
// as its variant takes them (see oddUnreadableIn).
const oddRuleSeed = `{"name": "Odd values", "disabled": "false",
  "requestor": {"type": "any"},
  "resource": {"type": "integration", "service": "aws", "filters": {"env": {"effect": "keep", "key": "env", "value": "yes"}}},
  "approval": [{"type": "p0", "services": "slack",
    "options": {"cooldown": "60", "require_reason": "true", "allow_one_party": 1, "duration": "soon"}}]}`

// oddUnreadable are the odd rule's values that cannot be read, by path,
// as seeded: every write must send them back as they are.
var oddUnreadable = map[string]string{
	"resource.filters.env.value":         `"yes"`,
	"approval.0.services":                `"slack"`,
	"approval.0.options.allow_one_party": `1`,
	"approval.0.options.duration":        `"soon"`,
}

// oddUnreadableIn is oddUnreadable as the mock of variant stores the odd
// rule: camelCase where the variant takes camelCase only.
func oddUnreadableIn(variant string) map[string]string {
	if !strings.HasPrefix(variant, "routing-camel") {
		return oddUnreadable
	}
	unreadable := map[string]string{}
	for path, value := range oddUnreadable {
		unreadable[strings.Replace(path, "allow_one_party", "allowOneParty", 1)] = value
	}
	return unreadable
}

// TestAccOddValues adopts a routing that holds one rule with odd values
// beside a plain one: by import with -generate-config-out, by the workflow
// data source, and by terraform query. Each warns about the odd rule, and
// only it, naming its unreadable values; the adoption writes nothing and
// re-plans empty; an update sends P0 the new value with every unreadable
// one as P0 held it; and the next plan is empty.
func TestAccOddValues(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	for _, variant := range []string{"documented", "routing-camel"} {
		t.Run(variant+"/adopted", func(t *testing.T) {
			t.Parallel()
			env := newVariantEnv(t, variant)
			unreadable := oddUnreadableIn(variant)
			env.Mock.SeedRoutingRule(oddRuleSeed)
			env.Mock.SeedRoutingRule(plainRuleSeed)
			ctx := context.Background()
			cli := newTerraformCLI(t, env.ProviderBlock()+`
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
			generated := filepath.Join(cli.tf.WorkingDir(), "generated.tf")
			var out bytes.Buffer
			if _, err := cli.tf.PlanJSON(ctx, &out, tfexec.Reattach(cli.reattach), tfexec.GenerateConfigOut(generated)); err != nil {
				t.Fatalf("terraform plan -generate-config-out: %v\n%s", err, out.String())
			}
			// One warning from the import's read, one from the data source.
			checkUnreadableWarnings(t, warningsIn(t, out.Bytes()), 2, unreadable)
			text, err := os.ReadFile(generated)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(text), "cooldown") || !strings.Contains(string(text), "= 60") {
				t.Errorf("the generated configuration has no cooldown of 60, which P0 spells \"60\":\n%s", text)
			}
			applyAdoption(t, env, cli, text)
			env.checkKeptNow(t, "Odd values", unreadable)

			changed := strings.Replace(string(text), "= 60", "= 120", 1)
			if err := os.WriteFile(generated, []byte(changed), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach)); err != nil {
				t.Fatalf("applying the change: %v", err)
			}
			env.checkKeptNow(t, "Odd values", unreadable)
			stored, _ := env.Mock.RoutingRuleJSON("Odd values")
			if cooldown, _ := jsonAt(stored, "approval.0.options.cooldown"); compactJSON(cooldown) != "120" {
				t.Errorf("P0 holds the cooldown %s after the update, want 120: %s", compactJSON(cooldown), jsonText(stored))
			}
			if changes, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach)); err != nil || changes {
				t.Fatalf("the plan after the update: changes %t, error %v; want none", changes, err)
			}
		})
		t.Run(variant+"/queried", func(t *testing.T) {
			t.Parallel()
			env := newVariantEnv(t, variant)
			env.Mock.SeedRoutingRule(oddRuleSeed)
			env.Mock.SeedRoutingRule(plainRuleSeed)
			testOddValuesQuery(t, env, oddUnreadableIn(variant))
		})
	}
}

// plainRuleSeed is a rule beside the odd one, which no warning names.
const plainRuleSeed = `{"name": "Plain", "requestor": {"type": "any"}, "resource": {"type": "any"}, "approval": [{"type": "auto"}]}`

// testOddValuesQuery lists the routing rules with terraform query, where
// the CLI has it: the odd rule's result warns, the plain one's does not.
func testOddValuesQuery(t *testing.T, env *testEnv, unreadable map[string]string) {
	t.Helper()
	cli := newTerraformCLI(t, env.ProviderBlock())
	cli.skipUnlessQuery(t)
	query := filepath.Join(cli.tf.WorkingDir(), "rules.tfquery.hcl")
	if err := os.WriteFile(query, []byte(listBlock("p0_routing_rule", "all", "")), 0o600); err != nil {
		t.Fatal(err)
	}
	messages, err := cli.tf.QueryJSON(context.Background(), tfexec.Reattach(cli.reattach))
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

// warningsIn are the warnings of a CLI's JSON output.
func warningsIn(t *testing.T, out []byte) []tfjson.Diagnostic {
	t.Helper()
	var warnings []tfjson.Diagnostic
	for _, line := range bytes.Split(out, []byte("\n")) {
		var message struct {
			Type       string            `json:"type"`
			Diagnostic tfjson.Diagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(line, &message) == nil && message.Type == "diagnostic" && message.Diagnostic.Severity == tfjson.DiagnosticSeverityWarning {
			warnings = append(warnings, message.Diagnostic)
		}
	}
	return warnings
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

// checkKeptNow is checkKept, at once.
func (e *testEnv) checkKeptNow(t *testing.T, name string, kept map[string]string) {
	t.Helper()
	if err := e.checkKept(name, kept)(nil); err != nil {
		t.Error(err)
	}
}
