package provider_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccUnmanagedFieldsWarning adopts a rule, a workflow and an AWS item
// that hold fields the provider does not model, and plans changes to each:
// the plan warns once per object, naming the fields it keeps and those it
// cannot (their object's type changes, or the plan replaces it, renames
// it or removes it); a plan that changes nothing says nothing.
func TestAccUnmanagedFieldsWarning(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	const summary = "Fields Not Managed by Terraform"
	agents := acctest.HeldRules[0]
	t.Run("rule and AWS item", func(t *testing.T) {
		t.Parallel()
		env := acctest.NewTestEnv(t)
		acctest.SeedHeldRules(env)
		env.Mock.SetAWSItem("iam-write", acctest.WriteAccount, acctest.Installed(acctest.HeldWriteItem()))
		write := func(label string) string {
			return `
resource "p0_aws_component" "write" {
  component  = "iam-write"
  account_id = "` + acctest.WriteAccount + `"
  label      = "` + label + `"
  login      = { type = "idc", identity = { type = "tag", tag_name = "p0-user" } }
}
`
		}
		imports := `
import {
  to = p0_routing_rule.agents
  id = "Agents"
}

import {
  to = p0_aws_component.write
  id = "iam-write/` + acctest.WriteAccount + `"
}
`
		cli := acctest.NewTerraformCLI(t, env.Config(imports+agents.ResourceHCL()+write("prod")))
		if err := cli.Tf.Apply(context.Background(), tfexec.Reattach(cli.Reattach)); err != nil {
			t.Fatalf("adopting: %v", err)
		}
		if found := acctest.WithSummary(cli.PlanDiagnostics(t), summary); len(found) != 0 {
			t.Errorf("a plan that changes nothing warned: %+v", found)
		}

		cli.Write(t, env.Config(agents.ResourceHCL(`name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true")+write("staging")))
		diagnostics := cli.PlanDiagnostics(t)
		if n := len(acctest.WithSummary(diagnostics, summary)); n != 2 {
			t.Fatalf("%d warnings, want one for the rule and one for the AWS item: %+v", n, diagnostics)
		}
		for _, d := range acctest.WithSummary(diagnostics, summary) {
			if strings.Contains(d.Detail, `routing rule "Agents"`) {
				for _, field := range []string{"description", "requestor.agent", "requestor.user", "resource.region", "approval[0].tier",
					"approval[0].groups[0].weight", "approval[0].options.ttl_hint", "approval[1].options.autoEscalate", "they are kept"} {
					if !strings.Contains(d.Detail, field) {
						t.Errorf("the rule's warning does not name %s:\n%s", field, d.Detail)
					}
				}
				continue
			}
			for _, field := range []string{`AWS component "iam-write" in account ` + acctest.WriteAccount, "tier", "login.parent", "login.identity.caseSensitive"} {
				if !strings.Contains(d.Detail, field) {
					t.Errorf("the AWS item's warning does not name %s:\n%s", field, d.Detail)
				}
			}
		}

		// The configure sends back what P0 holds in the item.
		if err := cli.Tf.Apply(context.Background(), tfexec.Reattach(cli.Reattach)); err != nil {
			t.Fatalf("applying: %v", err)
		}
		item, _ := env.Mock.AWSItem("iam-write", acctest.WriteAccount)
		if held := acctest.HeldWriteItem(); item.Label != "staging" || !reflect.DeepEqual(item.Unmanaged, held.Unmanaged) ||
			!reflect.DeepEqual(item.Login.Unmanaged, held.Login.Unmanaged) || !reflect.DeepEqual(item.Login.Identity.Unmanaged, held.Login.Identity.Unmanaged) {
			t.Errorf("after the configure P0 holds %s, want the label changed and every field it held kept", acctest.JSONText(item))
		}

		cli.Write(t, env.Config(agents.ResourceHCL(acctest.AgenticRequestorHCL, `{ type = "any" }`)+write("staging")))
		acctest.ExpectOneWarning(t, cli.PlanDiagnostics(t), summary, "they are kept",
			"Not kept: requestor.agent.id, requestor.agent.scopes, requestor.user.email",
			"an object whose type this plan changes")

		// Another account replaces the item: nothing of the old one is
		// kept, and the warning names the old one.
		const otherAccount = "400000000499"
		disabled := agents.ResourceHCL(`name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true")
		cli.Write(t, env.Config(disabled+strings.Replace(write("staging"), acctest.WriteAccount, otherAccount, 1)))
		diagnostics = cli.PlanDiagnostics(t)
		acctest.ExpectOneWarning(t, diagnostics, summary, `AWS component "iam-write" in account `+acctest.WriteAccount,
			"Not kept: tier, login.parent", "This plan replaces it")
		if d := acctest.WithSummary(diagnostics, summary)[0]; strings.Contains(d.Detail, "they are kept") || strings.Contains(d.Detail, otherAccount) {
			t.Errorf("the warning of a replacement says something is kept, or names the new item:\n%s", d.Detail)
		}

		// So does another name for the rule.
		renamed := agents.ResourceHCL(`name      = "Agents"`, "name      = \"Agents renamed\"\n  disabled  = true")
		cli.Write(t, env.Config(renamed+write("staging")))
		acctest.ExpectOneWarning(t, cli.PlanDiagnostics(t), summary, `routing rule "Agents"`, "Not kept: description",
			"This plan replaces it")
	})
	t.Run("workflow", func(t *testing.T) {
		t.Parallel()
		env := acctest.NewTestEnv(t)
		acctest.SeedHeldRules(env)
		env.Mock.SetWorkflowField("defaults", map[string]any{"expiry": "1h"})
		workflow := func(extra string) string {
			return `
import {
  to = p0_routing_workflow.this
  id = "` + acctest.TestOrg + `"
}

resource "p0_routing_workflow" "this" {
  rules = [{` + acctest.HeldRules[0].Hcl + `}, {` + acctest.HeldRules[1].Hcl + `}` + extra + `]
}
`
		}
		cli := acctest.NewTerraformCLI(t, env.Config(workflow("")))
		if err := cli.Tf.Apply(context.Background(), tfexec.Reattach(cli.Reattach)); err != nil {
			t.Fatalf("adopting: %v", err)
		}
		if found := acctest.WithSummary(cli.PlanDiagnostics(t), summary); len(found) != 0 {
			t.Errorf("a plan that changes nothing warned: %+v", found)
		}
		cli.Write(t, env.Config(workflow(`, {
    name      = "Added"
    requestor = { type = "any" }
    resource  = { type = "any" }
    approval  = [{ type = "p0" }]
  }`)))
		acctest.ExpectOneWarning(t, cli.PlanDiagnostics(t), summary, "the routing workflow", `rule "Agents" requestor.agent`,
			`rule "Break glass" approval[0].levels`, "workflow.defaults", "they are kept")

		// A rule renamed in the workflow keeps nothing of what P0 holds in
		// it, as a p0_routing_rule that another name replaces.
		renamed := strings.Replace(workflow(""), `name      = "Break glass"`, `name      = "Break glass renamed"`, 1)
		cli.Write(t, env.Config(renamed))
		diagnostics := cli.PlanDiagnostics(t)
		acctest.ExpectOneWarning(t, diagnostics, summary, `rule "Agents" requestor.agent`, "they are kept",
			`Not kept: rule "Break glass" resource.filters["prod"].caseSensitive, rule "Break glass" approval[0].levels`,
			"removes or renames the rules that hold them")
		if d := acctest.WithSummary(diagnostics, summary)[0]; strings.Contains(d.Detail, "Break glass renamed") {
			t.Errorf("the warning names the renamed rule as keeping fields:\n%s", d.Detail)
		}
	})
}

// TestAccUnknownValuesWarn plans rules with values P0's documents do not
// list: each is a warning naming the attribute and the known values, never
// an error, and a typo in requestor.type gets that one warning, not a
// second, misleading error about uid.
func TestAccUnknownValuesWarn(t *testing.T) {
	env, cli := acctest.NewPlanningCLI(t, `
resource "p0_routing_rule" "typo" {
  name      = "typo"
  requestor = { type = "gruop", uid = "eng" }
  resource  = { type = "integration", service = "aws", filters = { a = { effect = "keepIf" } } }
  approval  = [{ type = "manager-chain" }]
}

resource "p0_aws_component" "write" {
  component  = "iam-write"
  account_id = "`+acctest.WriteAccount+`"
  login      = { type = "sso", identity = { type = "badge", tag_name = "x" } }
}
`)
	diagnostics := cli.PlanDiagnostics(t)
	unknown := acctest.WithSummary(diagnostics, "Value Not Known to the Provider")
	want := map[string]string{
		`requestor.type is "gruop"`:                "any, group, user",
		`resource.filters["a"].effect is "keepIf"`: "keep, remove, removeAll",
		`approval[0].type is "manager-chain"`:      "auto, deny, escalation",
		`login.type is "sso"`:                      "iam, idc, merged-idc, federated",
		`login.identity.type is "badge"`:           "email, tag",
	}
	if len(unknown) != len(want) {
		t.Fatalf("%d warnings about unknown values, want %d: %+v", len(unknown), len(want), diagnostics)
	}
	for subject, known := range want {
		found := false
		for _, d := range unknown {
			found = found || (d.Severity == "warning" && strings.Contains(d.Detail, subject) && strings.Contains(d.Detail, known))
		}
		if !found {
			t.Errorf("no warning says %s and names %s: %+v", subject, known, unknown)
		}
	}
	for _, d := range diagnostics {
		if d.Severity == "error" {
			t.Errorf("the plan failed: %+v", d)
		}
	}
	if counts := env.Mock.Counts(); len(env.Mock.Requests()) != 1 || counts["GET /o/{org}/routing"] != 1 {
		t.Errorf("the plan of objects that do not exist yet sent %v; want only the check of the credentials", counts)
	}
}

// TestAccMeaninglessFieldsWarn plans rules with fields P0's documents give
// no meaning for their types, and negative counts: P0's own client writes
// such rules, so each is a warning naming the attribute, never an error,
// and the rule can be imported and written as P0 holds it.
func TestAccMeaninglessFieldsWarn(t *testing.T) {
	env, cli := acctest.NewPlanningCLI(t, `
resource "p0_routing_rule" "anyone" {
  name      = "anyone"
  requestor = { type = "any", uid = "u1", groups = [{ id = "g1" }], effect = "keep" }
  resource  = { type = "any", service = "aws", access_type = "all", filters = { a = { effect = "keep" } } }
  approval  = [{ type = "p0", options = { cooldown = -1, duration = -5 } }]
}

resource "p0_routing_rule" "user" {
  name      = "user"
  requestor = { type = "user", uid = "u1", effect = "keep" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]
}
`)
	diagnostics := cli.PlanDiagnostics(t)
	want := []string{
		"requestor.uid has a meaning only when", "requestor.groups has a meaning only when",
		"requestor.effect has a meaning only when", "resource.service has a meaning only when",
		"resource.access_type has a meaning only when", "resource.filters has a meaning only when",
		"approval[0].options.cooldown is -1", "approval[0].options.duration is -5",
	}
	for _, phrase := range want {
		found := false
		for _, d := range diagnostics {
			found = found || (d.Severity == "warning" && strings.Contains(d.Detail, phrase))
		}
		if !found {
			t.Errorf("no warning says %q: %+v", phrase, diagnostics)
		}
	}
	if n := len(acctest.WithSummary(diagnostics, "Attribute Without a Documented Meaning")); n != 7 {
		t.Errorf("%d warnings about fields without a meaning, want 7 (6 on the first rule, effect on the second)", n)
	}
	for _, d := range diagnostics {
		if d.Severity == "error" {
			t.Errorf("the plan failed: %+v", d)
		}
	}

	// The workflow's rules are checked alike.
	cli.Write(t, env.Config(`
resource "p0_routing_workflow" "this" {
  rules = [{
    name      = "anyone"
    requestor = { type = "any", uid = "u1" }
    resource  = { type = "any" }
    approval  = [{ type = "p0", options = { cooldown = -1 } }]
  }]
}
`))
	diagnostics = cli.PlanDiagnostics(t)
	acctest.ExpectOneWarning(t, diagnostics, "Attribute Without a Documented Meaning", "requestor.uid has a meaning only when")
	acctest.ExpectOneWarning(t, diagnostics, "Negative Count", "rules[0].approval[0].options.cooldown is -1")
}

// TestAccReinstallOfAGoneItemKeepsNothing plans the reinstall of an item
// that fell back to staged holding fields the provider does not model,
// and deletes the item in P0 before the saved plan is applied: the apply
// stages a new item, which holds nothing of the gone one.
func TestAccReinstallOfAGoneItemKeepsNothing(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	t.Parallel()
	env := acctest.NewTestEnv(t)
	const account = "575757575757"
	ctx := context.Background()
	cli := acctest.NewTerraformCLI(t, env.Config(acctest.AWSComponentHCL("test", p0.ComponentInventory, account, p0.AWSItem{Label: "inventory"}, "")))
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
		t.Fatalf("installing: %v", err)
	}
	env.Mock.SetAWSItem(p0.ComponentInventory, account, p0.AWSItem{State: p0.StateStage, Label: "inventory",
		Unmanaged: p0.Unmanaged{"tier": json.RawMessage(`"gold"`)}})
	if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach), tfexec.Out("reinstall.tfplan")); err != nil || !changes {
		t.Fatalf("planning the reinstall: changes %t, %v", changes, err)
	}
	env.Mock.DeleteAWSItem(p0.ComponentInventory, account)
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach), tfexec.DirOrPlan("reinstall.tfplan")); err != nil {
		t.Fatalf("applying the reinstall: %v", err)
	}
	item, ok := env.Mock.AWSItem(p0.ComponentInventory, account)
	if !ok || item.State != p0.StateInstalled || len(item.Unmanaged) > 0 {
		t.Errorf("P0 holds %s; want the item installed anew, holding nothing of the one deleted", acctest.JSONText(item))
	}
}
