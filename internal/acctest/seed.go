package acctest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The AWS items of seedOrganization's organization.
const (
	WriteAccount = "515151515151"
	// An iam-write sign-in through an Identity Center shared with the
	// write account, which takes no identity.
	MergedAccount    = "575757575757"
	logsAccount      = "525252525252"
	InventoryAccount = "535353535353"
	// Staged for iam-assessment, verified and not configured yet.
	AssessmentAccount = "555555555555"
	FunctionARN       = "arn:aws:lambda:us-east-1:" + WriteAccount + ":function:p0-notify"
)

// SeedOrganization sets up env's organization as if made outside Terraform,
// with what P0 stores but the provider never writes itself: approval
// options of 0, rules with filters and several approvals, rules beyond the
// documents (heldRules), a rule with values of other JSON types than the
// provider reads (oddRuleSeed), installed and staged AWS items of several
// components (one with fields the provider does not model), an expiry
// option beside P0's presets. It returns the import ID of each object, by the address that
// adopts it.
func SeedOrganization(env *TestEnv) map[string]string {
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
	SeedHeldRules(env)
	env.Mock.SeedRoutingRule(OddRuleSeed)
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, WriteAccount, Installed(HeldWriteItem()))
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, MergedAccount, Installed(p0.AWSItem{Login: &p0.AWSLogin{Type: "merged-idc",
		Unmanaged: p0.Unmanaged{"parent": json.RawMessage(`"` + WriteAccount + `"`)}}}))
	env.Mock.SetAWSItem(p0.ComponentAccessLogs, logsAccount, Installed(p0.AWSItem{
		CloudLakeArn: "arn:aws:cloudtrail:us-east-1:" + logsAccount + ":eventdatastore/abc"}))
	env.Mock.SetAWSItem(p0.ComponentFunctionCaller, FunctionARN, Installed(p0.AWSItem{}))
	env.Mock.SetAWSItem(p0.ComponentInventory, InventoryAccount, p0.AWSItem{State: p0.StateStage})
	env.Mock.SetAWSItem(p0.ComponentIAMAssessment, AssessmentAccount, p0.AWSItem{State: p0.StateConfigure})
	env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 90, Unit: p0.UnitMinutes}))

	return map[string]string{
		"p0_routing_rule.zero":               "zero-options",
		"p0_routing_rule.filtered":           "filtered",
		"p0_routing_rule.agents":             "Agents",
		"p0_routing_rule.break_glass":        "Break glass",
		"p0_routing_rule.odd":                "Odd values",
		"p0_aws_component.write":             "iam-write/" + WriteAccount,
		"p0_aws_component.merged":            "iam-write/" + MergedAccount,
		"p0_aws_component.logs":              "access-logs/" + logsAccount,
		"p0_aws_component.notify":            "function-caller/" + FunctionARN,
		"p0_aws_component_staged.inventory":  "inventory/" + InventoryAccount,
		"p0_aws_component_staged.assessment": "iam-assessment/" + AssessmentAccount,
		"p0_expiry_option.ninety_minutes":    "90m",
		"p0_expiry_option.one_hour":          "1h",
	}
}

// GenerateConfig plans the working directory's import blocks with
// -generate-config-out, into generated.tf: it returns that file, its text,
// and the plan's JSON log, whose diagnostics a test may read.
func GenerateConfig(t *testing.T, cli *TerraformCLI) (file string, text, log []byte) {
	t.Helper()
	file = filepath.Join(cli.Tf.WorkingDir(), "generated.tf")
	var out bytes.Buffer
	if _, err := cli.Tf.PlanJSON(context.Background(), &out, tfexec.Reattach(cli.Reattach), tfexec.GenerateConfigOut(file)); err != nil {
		t.Fatalf("terraform plan -generate-config-out: %v\n%s", err, out.String())
	}
	text, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return file, text, out.Bytes()
}

// WriteText replaces the text of file: a configuration a test edits.
func WriteText(t testing.TB, file, text string) {
	t.Helper()
	if err := os.WriteFile(file, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// ApplyAdoption applies the generated configuration text, which must send
// P0 nothing but reads, and then plan no change.
func ApplyAdoption(t *testing.T, env *TestEnv, cli *TerraformCLI, text []byte) {
	t.Helper()
	ctx := context.Background()
	env.Mock.ResetRequests()
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
		t.Fatalf("applying the generated configuration: %v\n%s", err, text)
	}
	for _, r := range env.Mock.Requests() {
		if r.Method != "GET" {
			t.Errorf("applying the imports sent %s %s; an adoption must change nothing in P0", r.Method, r.Path)
		}
	}
	changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach))
	if err != nil || changes {
		t.Fatalf("the plan after adopting: changes %t, error %v; want none\n%s", changes, err, text)
	}
}

// HeldWriteItem is the iam-write item of seedOrganization, with fields the
// provider does not model in the item, its login and its identity.
func HeldWriteItem() p0.AWSItem {
	return p0.AWSItem{Label: "prod", Unmanaged: p0.Unmanaged{"tier": json.RawMessage(`"gold"`)},
		Login: &p0.AWSLogin{Type: "idc", Unmanaged: p0.Unmanaged{"parent": json.RawMessage(`"111122223333"`)},
			Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user", Unmanaged: p0.Unmanaged{"caseSensitive": json.RawMessage(`false`)}}}}
}

// Installed is item as P0 holds it once configured.
func Installed(item p0.AWSItem) p0.AWSItem {
	item.State = p0.StateInstalled
	return item
}
