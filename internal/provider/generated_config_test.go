package provider

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccGeneratedConfig adopts an organization set up outside Terraform,
// holding what P0 stores but the provider never writes itself (approval
// options of 0, rules with filters and several approvals, installed and
// staged AWS items of several components, an expiry option, the JIT
// settings), the way a platform team adopts it: import blocks and
// `terraform plan -generate-config-out`. The generated configuration must
// validate (the plans that follow validate it first), apply with nothing but imports and no request that changes P0,
// and plan nothing afterwards.
func TestAccGeneratedConfig(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	for _, variant := range routingVariants {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			testGeneratedConfig(t, newVariantEnv(t, variant))
		})
	}
}

func testGeneratedConfig(t *testing.T, env *testEnv) {
	imports := seedOrganization(env)
	imports["p0_jit_settings.this"] = testOrg
	var config strings.Builder
	config.WriteString(env.ProviderBlock())
	for to, id := range imports {
		config.WriteString("\nimport {\n  to = " + to + "\n  id = \"" + id + "\"\n}\n")
	}

	ctx := context.Background()
	cli := newTerraformCLI(t, config.String())
	generated := filepath.Join(cli.tf.WorkingDir(), "generated.tf")
	if _, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach), tfexec.GenerateConfigOut(generated)); err != nil {
		t.Fatalf("terraform plan -generate-config-out: %v", err)
	}
	text, err := os.ReadFile(generated)
	if err != nil {
		t.Fatal(err)
	}
	for to := range imports {
		if !strings.Contains(string(text), `resource "`+strings.Replace(to, ".", `" "`, 1)+`"`) {
			t.Errorf("the generated configuration has no block for %s:\n%s", to, text)
		}
	}

	applyAdoption(t, env, cli, text)
}

// The AWS items of seedOrganization's organization.
const (
	writeAccount = "515151515151"
	// An iam-write sign-in through an Identity Center shared with the
	// write account, which takes no identity.
	mergedAccount    = "575757575757"
	logsAccount      = "525252525252"
	inventoryAccount = "535353535353"
	// Staged for iam-assessment, verified and not configured yet.
	assessmentAccount = "555555555555"
	functionARN       = "arn:aws:lambda:us-east-1:" + writeAccount + ":function:p0-notify"
)

// seedOrganization sets up env's organization as if made outside Terraform,
// with what P0 stores but the provider never writes itself: approval
// options of 0, rules with filters and several approvals, rules beyond the
// documents (heldRules), a rule with values of other JSON types than the
// provider reads (oddRuleSeed), installed and staged AWS items of several
// components (one with fields the provider does not model), an expiry
// option beside P0's presets. It returns the import ID of each object, by the address that
// adopts it.
func seedOrganization(env *testEnv) map[string]string {
	zero, one := int64(0), int64(1)
	yes, no := true, false
	env.Mock.PutRoutingRule(p0.RoutingRule{
		Name:      "zero-options",
		Requestor: p0.RuleRequestor{Type: "any"},
		Resource:  p0.RuleResource{Type: "any"},
		Approval:  []p0.Approval{{Type: "auto", Options: &p0.ApprovalOptions{Cooldown: &zero, Duration: &zero, AllowOneParty: &no}}},
	})
	env.Mock.PutRoutingRule(p0.RoutingRule{
		Name:      "filtered",
		Disabled:  true,
		Requestor: p0.RuleRequestor{Type: "group", UID: "engineering"},
		Resource: p0.RuleResource{Type: "integration", Service: "aws", Filters: map[string]p0.ResourceFilter{
			"account":  {Effect: "keep", Key: "account", Pattern: "^prod-"},
			"readonly": {Effect: "remove", Key: "readonly", Value: &yes},
		}},
		Approval: []p0.Approval{
			{Type: "group", Directory: "okta", Integration: "slack", Services: []string{"aws", "gcloud"},
				Options: &p0.ApprovalOptions{RequireReason: &yes, Duration: &one}},
			{Type: "requestor-profile", Directory: "okta", ProfileProperty: "manager"},
			{Type: "p0"},
		},
	})
	seedHeldRules(env)
	env.Mock.SeedRoutingRule(oddRuleSeed)
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, writeAccount, installed(heldWriteItem()))
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, mergedAccount, installed(p0.AWSItem{Login: &p0.AWSLogin{Type: "merged-idc",
		Unmanaged: p0.Unmanaged{"parent": json.RawMessage(`"` + writeAccount + `"`)}}}))
	env.Mock.SetAWSItem(p0.ComponentAccessLogs, logsAccount, installed(p0.AWSItem{
		CloudLakeArn: "arn:aws:cloudtrail:us-east-1:" + logsAccount + ":eventdatastore/abc"}))
	env.Mock.SetAWSItem(p0.ComponentFunctionCaller, functionARN, installed(p0.AWSItem{}))
	env.Mock.SetAWSItem(p0.ComponentInventory, inventoryAccount, p0.AWSItem{State: p0.StateStage})
	env.Mock.SetAWSItem(p0.ComponentIAMAssessment, assessmentAccount, p0.AWSItem{State: p0.StateConfigure})
	env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 90, Unit: p0.UnitMinutes}))

	return map[string]string{
		"p0_routing_rule.zero":               "zero-options",
		"p0_routing_rule.filtered":           "filtered",
		"p0_routing_rule.agents":             "Agents",
		"p0_routing_rule.break_glass":        "Break glass",
		"p0_routing_rule.odd":                "Odd values",
		"p0_aws_component.write":             "iam-write/" + writeAccount,
		"p0_aws_component.merged":            "iam-write/" + mergedAccount,
		"p0_aws_component.logs":              "access-logs/" + logsAccount,
		"p0_aws_component.notify":            "function-caller/" + functionARN,
		"p0_aws_component_staged.inventory":  "inventory/" + inventoryAccount,
		"p0_aws_component_staged.assessment": "iam-assessment/" + assessmentAccount,
		"p0_expiry_option.ninety_minutes":    "90m",
		"p0_expiry_option.one_hour":          "1h",
	}
}

// TestAccQueryGeneratedConfig adopts seedOrganization's organization the
// way terraform query offers: a query file with a list block for each list
// resource, and `terraform query -generate-config-out`. The generated
// configuration (resource blocks, and import blocks by identity) must apply
// with nothing but imports and no request that changes P0, and plan
// nothing afterwards; against every variant of routing spelling and
// routes.
func TestAccQueryGeneratedConfig(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	for _, variant := range routingVariants {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			testQueryGeneratedConfig(t, newVariantEnv(t, variant))
		})
	}
}

func testQueryGeneratedConfig(t *testing.T, env *testEnv) {
	imports := seedOrganization(env)
	ctx := context.Background()
	cli := newTerraformCLI(t, env.ProviderBlock())
	cli.skipUnlessQuery(t)

	query := filepath.Join(cli.tf.WorkingDir(), "adopt.tfquery.hcl")
	var lists strings.Builder
	for _, resourceType := range []string{"p0_routing_rule", "p0_aws_component", "p0_aws_component_staged", "p0_expiry_option"} {
		lists.WriteString(listBlock(resourceType, "all", ""))
	}
	if err := os.WriteFile(query, []byte(lists.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	generated := filepath.Join(cli.tf.WorkingDir(), "generated.tf")
	messages, err := cli.tf.QueryJSON(ctx, tfexec.Reattach(cli.reattach), tfexec.GenerateConfigOut(generated))
	if err != nil {
		t.Fatal(err)
	}
	var log []string
	for m := range messages {
		if m.Msg != nil {
			log = append(log, m.Msg.Message())
		}
		if m.Err != nil {
			t.Fatalf("terraform query -generate-config-out: %v\n%s", m.Err, strings.Join(log, "\n"))
		}
	}
	text, err := os.ReadFile(generated)
	if err != nil {
		t.Fatal(err)
	}
	// Every object of the organization but its P0 presets is adopted: the
	// presets are listed too, since P0 lists them beside the others.
	wantImports := len(imports) + len(defaultExpiryKeys) - 1
	if got := strings.Count(string(text), "\nimport {"); got != wantImports {
		t.Errorf("the generated configuration imports %d objects, want %d:\n%s", got, wantImports, text)
	}
	for to := range imports {
		resourceType, _, _ := strings.Cut(to, ".")
		if !strings.Contains(string(text), `resource "`+resourceType+`"`) {
			t.Errorf("the generated configuration has no %s:\n%s", resourceType, text)
		}
	}
	if err := os.Remove(query); err != nil {
		t.Fatal(err)
	}

	applyAdoption(t, env, cli, text)
}

// applyAdoption applies the generated configuration text, which must send
// P0 nothing but reads, and then plan no change.
func applyAdoption(t *testing.T, env *testEnv, cli *terraformCLI, text []byte) {
	t.Helper()
	ctx := context.Background()
	env.Mock.ResetRequests()
	if err := cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach)); err != nil {
		t.Fatalf("applying the generated configuration: %v\n%s", err, text)
	}
	for _, r := range env.Mock.Requests() {
		if r.Method != "GET" {
			t.Errorf("applying the imports sent %s %s; an adoption must change nothing in P0", r.Method, r.Path)
		}
	}
	changes, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach))
	if err != nil || changes {
		t.Fatalf("the plan after adopting: changes %t, error %v; want none\n%s", changes, err, text)
	}
}

// heldWriteItem is the iam-write item of seedOrganization, with fields the
// provider does not model in the item, its login and its identity.
func heldWriteItem() p0.AWSItem {
	return p0.AWSItem{Label: "prod", Unmanaged: p0.Unmanaged{"tier": json.RawMessage(`"gold"`)},
		Login: &p0.AWSLogin{Type: "idc", Unmanaged: p0.Unmanaged{"parent": json.RawMessage(`"111122223333"`)},
			Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user", Unmanaged: p0.Unmanaged{"caseSensitive": json.RawMessage(`false`)}}}}
}
