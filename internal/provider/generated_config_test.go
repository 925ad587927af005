package provider

import (
	"context"
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
	env := newTestEnv(t)
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
	const writeAccount, logsAccount, inventoryAccount = "515151515151", "525252525252", "535353535353"
	functionARN := "arn:aws:lambda:us-east-1:" + writeAccount + ":function:p0-notify"
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, writeAccount, installed(p0.AWSItem{Label: "prod",
		Login: &p0.AWSLogin{Type: "idc", Identity: p0.AWSLoginIdentity{Type: "tag", TagName: "p0-user"}}}))
	env.Mock.SetAWSItem(p0.ComponentAccessLogs, logsAccount, installed(p0.AWSItem{
		CloudLakeArn: "arn:aws:cloudtrail:us-east-1:" + logsAccount + ":eventdatastore/abc"}))
	env.Mock.SetAWSItem(p0.ComponentFunctionCaller, functionARN, installed(p0.AWSItem{}))
	env.Mock.SetAWSItem(p0.ComponentInventory, inventoryAccount, p0.AWSItem{State: p0.StateStage})
	env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 90, Unit: p0.UnitMinutes}))

	imports := map[string]string{
		"p0_routing_rule.zero":              "zero-options",
		"p0_routing_rule.filtered":          "filtered",
		"p0_aws_component.write":            "iam-write/" + writeAccount,
		"p0_aws_component.logs":             "access-logs/" + logsAccount,
		"p0_aws_component.notify":           "function-caller/" + functionARN,
		"p0_aws_component_staged.inventory": "inventory/" + inventoryAccount,
		"p0_expiry_option.ninety_minutes":   "90m",
		"p0_expiry_option.one_hour":         "1h",
		"p0_jit_settings.this":              testOrg,
	}
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
