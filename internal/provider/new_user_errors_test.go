package provider

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What a new user meets when something is wrong: each diagnostic fits its
// cause and its commands can be pasted as they are.

// TestAccAWSComponent_importStagedOnly imports, as p0_aws_component, an
// item that P0 has only staged: the error says so, and how to import it as
// what it is, instead of "non-existent remote object".
func TestAccAWSComponent_importStagedOnly(t *testing.T) {
	env := newTestEnv(t)
	const account = "444444444444"
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, account, p0.AWSItem{State: p0.StateStage})
	login := &p0.AWSLogin{Type: "iam", Identity: p0.AWSLoginIdentity{Type: "email"}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(awsComponentHCL("test", p0.ComponentIAMWrite, account, p0.AWSItem{Login: login}, "")),
			ResourceName:  componentAddress,
			ImportState:   true,
			ImportStateId: "iam-write/" + account,
			ExpectError: expectError("Unable to Import AWS Component",
				`P0 has AWS component "iam-write" in account `+account+`, but it is not installed: its state is "stage"`,
				`terraform import p0_aws_component_staged.<name> "iam-write/`+account+`"`,
				"import {", "to = p0_aws_component_staged.<name>", `id = "iam-write/`+account+`"`,
				"remove the import and apply the p0_aws_component"),
		}},
	})
}

// TestAccAWSComponentStaged_label sets label where it is read-only: the
// error says where it belongs.
func TestAccAWSComponentStaged_label(t *testing.T) {
	env := newTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "p0_aws_component_staged" "test" {
  component  = "iam-write"
  account_id = "444444444445"
  label      = "Production"
}
`),
			PlanOnly:    true,
			ExpectError: expectError("Label Belongs on p0_aws_component", "Set label on the p0_aws_component that installs the item"),
		}},
	})
	env.checkNoRequests(t)
}

// TestAccProvider_hostWithoutScheme writes the host as a bare name: the
// error says what to write.
func TestAccProvider_hostWithoutScheme(t *testing.T) {
	env := newTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "p0" {
  host      = "api.p0.app"
  org       = %q
  api_token = %q
}

data "p0_routing_workflow" "current" {}
`, testOrg, testToken),
			ExpectError: expectError(`host "api.p0.app" lacks the scheme: write it as "https://api.p0.app"`),
		}},
	})
}

// TestAccProvider_credentialsRefusedOnce refreshes 18 routing rules with a
// revoked API key: the refusal is reported in full once, the other
// resources' errors refer to it, and no request is sent after P0's first
// refusal came back.
func TestAccProvider_credentialsRefusedOnce(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	env := newTestEnv(t)
	f := fleet{Rules: 18}
	ctx := context.Background()
	cli := newTerraformCLI(t, env.Config(f.hcl()))
	if err := cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach)); err != nil {
		t.Fatalf("terraform apply: %v", err)
	}

	cli.write(t, strings.Replace(env.Config(f.hcl()), testToken, "revoked-key-0000", 1))
	env.Mock.ResetRequests()
	_, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach))
	if err == nil {
		t.Fatal("the plan with a revoked key succeeded")
	}
	text := err.Error()
	full := len(regexp.MustCompile(`Check\s+that\s+api_token`).FindAllString(text, -1))
	short := len(regexp.MustCompile(`nothing\s+was\s+sent:\s+P0\s+refused\s+the\s+API\s+key\s+earlier`).FindAllString(text, -1))
	if full != 1 || full+short != f.Rules {
		t.Fatalf("%d full reports of the refusal and %d short ones, want 1 and %d:\n%s", full, short, f.Rules-1, text)
	}
	refused := 0
	for _, r := range env.Mock.Requests() {
		if r.Status == http.StatusUnauthorized {
			refused++
		}
	}
	// Terraform refreshes ten resources at once: those already sent when
	// the first refusal came back are answered too; none is sent after.
	if sent := len(env.Mock.Requests()); sent > 10 || refused != sent {
		t.Fatalf("%d requests reached P0 (%d refused); want at most the 10 in flight at the first refusal", sent, refused)
	}
}
