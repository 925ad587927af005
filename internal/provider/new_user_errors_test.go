package provider_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// What a new user meets when something is wrong: each diagnostic fits its
// cause and its commands can be pasted as they are.

// TestAccAWSComponent_importStagedOnly imports, as p0_aws_component, an
// item that P0 has only staged: the error says so, and how to import it as
// what it is, instead of "non-existent remote object".
func TestAccAWSComponent_importStagedOnly(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const account = "444444444444"
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, account, p0.AWSItem{State: p0.StateStage})
	login := &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "email"}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(acctest.AWSComponentHCL("test", p0.ComponentIAMWrite, account, p0.AWSItem{Login: login}, "")),
			ResourceName:  acctest.ComponentAddress,
			ImportState:   true,
			ImportStateId: "iam-write/" + account,
			ExpectError: acctest.ExpectError("Unable to Import AWS Component",
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
	env := acctest.NewTestEnv(t)
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
			ExpectError: acctest.ExpectError("Label Belongs on p0_aws_component", "Set label on the p0_aws_component that installs the item"),
		}},
	})
	env.CheckNoRequests(t)
}

// TestAccProvider_hostWithoutScheme writes the host as a bare name: the
// error says what to write.
func TestAccProvider_hostWithoutScheme(t *testing.T) {
	env := acctest.NewTestEnv(t)
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
`, acctest.TestOrg, acctest.TestToken),
			ExpectError: acctest.ExpectError(`host "api.p0.app" lacks the scheme: write it as "https://api.p0.app"`),
		}},
	})
}

// TestAccProvider_credentialsRefusedOnce plans 18 routing rules with a
// revoked API key. The check when the provider is configured fails the
// plan with one error that names api_token, after one request. Without the
// check, the refusal is reported in full once, the other resources' errors
// say in one line what to fix, and no request is sent after P0's first
// refusal came back.
func TestAccProvider_credentialsRefusedOnce(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	env := acctest.NewTestEnv(t)
	f := acctest.Fleet{Rules: 18}
	ctx := context.Background()
	cli := acctest.NewTerraformCLI(t, env.Config(f.Hcl()))
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
		t.Fatalf("terraform apply: %v", err)
	}
	revoked := strings.Replace(env.Config(f.Hcl()), acctest.TestToken, "revoked-key-0000", 1)

	cli.Write(t, revoked)
	env.Mock.ResetRequests()
	_, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach))
	if err == nil {
		t.Fatal("the plan with a revoked key succeeded")
	}
	text := err.Error()
	if n := strings.Count(text, "Error: "); n != 1 || !acctest.ExpectError("P0 Refused the API Key", "with provider", "api_token",
		"P0 answered 401 Unauthorized", "Set api_token in the provider block, or the P0_API_TOKEN environment variable",
		"skip_credentials_validation = true").MatchString(text) {
		t.Fatalf("%d errors, want the one that names api_token:\n%s", n, text)
	}
	if sent := len(env.Mock.Requests()); sent != 1 {
		t.Fatalf("%d requests reached P0, want the one that checks the key", sent)
	}

	cli.Write(t, strings.Replace(revoked, "provider \"p0\" {", "provider \"p0\" {\n  skip_credentials_validation = true", 1))
	env.Mock.ResetRequests()
	_, err = cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach))
	if err == nil {
		t.Fatal("the plan with a revoked key succeeded")
	}
	text = err.Error()
	full := len(regexp.MustCompile(`P0\s+answered\s+401\s+Unauthorized`).FindAllString(text, -1))
	short := len(regexp.MustCompile(`nothing\s+was\s+sent:\s+P0\s+refused\s+the\s+API\s+key\s+earlier\s+in\s+this\s+run\s+\(401\s+Unauthorized\)\.\s+Set\s+api_token`).FindAllString(text, -1))
	if full != 1 || full+short != f.Rules {
		t.Fatalf("%d full reports of the refusal and %d short ones that say what to fix, want 1 and %d:\n%s", full, short, f.Rules-1, text)
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

// TestAccProvider_credentialsCheck plans a configuration of nothing but
// new objects, which reads nothing: with a key P0 refuses the plan fails;
// with an organization P0 refuses it warns, naming org, and goes on; with
// the check skipped (P0_SKIP_CREDENTIALS_VALIDATION), it sends nothing; and
// with good credentials the check's read is the only one, shared with the
// refresh of a rule.
func TestAccProvider_credentialsCheck(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	env := acctest.NewTestEnv(t)
	rule := `
resource "p0_routing_rule" "new" {
  name      = "new"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "p0" }]
}
`
	provider := func(org, token string) string {
		return fmt.Sprintf("provider \"p0\" {\n  host = %q\n  org = %q\n  api_token = %q\n}\n", env.URL, org, token)
	}
	cli := acctest.NewTerraformCLI(t, provider(acctest.TestOrg, "wrong-key")+rule)
	ctx := context.Background()
	_, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach))
	if err == nil || !acctest.ExpectError("P0 Refused the API Key", "api_token").MatchString(err.Error()) {
		t.Fatalf("the plan with a wrong key: %v; want the error that names api_token", err)
	}

	cli.Write(t, provider("another-org", acctest.TestToken)+rule)
	diagnostics := cli.PlanDiagnostics(t)
	acctest.ExpectOneWarning(t, diagnostics, "P0 Refused Access to the Organization", "403 Forbidden",
		"it is the id in the address of P0's web app", "skip_credentials_validation")

	env.Mock.ResetRequests()
	t.Setenv("P0_SKIP_CREDENTIALS_VALIDATION", "true")
	cli.Write(t, provider(acctest.TestOrg, "wrong-key")+rule)
	if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach)); err != nil || !changes {
		t.Fatalf("the plan without the check: changes %t, %v", changes, err)
	}
	if n := len(env.Mock.Requests()); n != 0 {
		t.Fatalf("the plan without the check sent %d requests", n)
	}
	t.Setenv("P0_SKIP_CREDENTIALS_VALIDATION", "")

	cli.Write(t, provider(acctest.TestOrg, acctest.TestToken)+rule)
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach)); err != nil {
		t.Fatal(err)
	}
	env.Mock.ResetRequests()
	if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach)); err != nil || changes {
		t.Fatalf("the plan after the apply: changes %t, %v", changes, err)
	}
	if counts := env.Mock.Counts(); len(env.Mock.Requests()) != 1 || counts["GET /o/{org}/routing"] != 1 {
		t.Fatalf("a plan of one rule sent %v; want one read of the routing, the check's, shared with the refresh", counts)
	}
}

// TestAccProvider_credentialsCheckBounded plans against a P0 that does not
// answer: the check when the provider is configured gives up after its
// bound (10 seconds in a release; here testCheckTimeout) with a warning,
// and the plan of new objects, which needs P0 for nothing else, goes on.
func TestAccProvider_credentialsCheckBounded(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	env := acctest.NewTestEnv(t)
	env.Mock.SetFaults(p0mock.Faults{Latency: time.Minute})
	cli := acctest.NewTerraformCLI(t, env.Config(`
resource "p0_expiry_option" "new" {
  time = 2
  unit = "h"
}
`))
	start := time.Now()
	diagnostics := cli.PlanDiagnostics(t)
	acctest.ExpectOneWarning(t, diagnostics, "Unable to Check the P0 Credentials", "P0 did not answer in time",
		"The run goes on", "skip_credentials_validation = true")
	if took := time.Since(start); took > acctest.TestCheckTimeout+15*time.Second {
		t.Errorf("the plan took %s against a P0 that does not answer; the check is bounded by %s", took.Round(time.Second), acctest.TestCheckTimeout)
	}
}
