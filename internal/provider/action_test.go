package provider_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccActions triggers every action from a terraform_data: a plan sends
// P0 nothing but the check of the credentials; each apply that creates or changes the terraform_data
// submits the access request once, verifies the AWS item again and resets
// the expiry options.
func TestAccActions(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.SetAWSItem(p0.ComponentFunctionCaller, acctest.TestLambdaARN, acctest.Installed(p0.AWSItem{Label: "notify"}))
	env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 90, Unit: p0.UnitMinutes}))
	presets := len(env.Mock.ExpiryOptions()) - 1
	actions := map[string]string{
		"p0_access_request.deploy": `  config {
    argv   = ["request", "aws", "permission-set", "Deploy", "--account", "p0-prod"]
    reason = "release"
  }
`,
		"p0_aws_component_verify.notify": fmt.Sprintf("  config {\n    component    = \"function-caller\"\n    function_arn = %q\n  }\n", acctest.TestLambdaARN),
		"p0_expiry_options_reset.all":    "",
	}
	org := "/o/" + acctest.TestOrg
	configure := "POST " + org + "/integrations/aws/config/function-caller/" + acctest.TestLambdaARN + "/configure"
	reset := "POST " + org + "/settings/expiry-options/_reset"
	var mark int
	// sent checks what reached P0 since mark: n of each action's request,
	// and nothing else but reads.
	sent := func(n int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			var calls []string
			for _, r := range env.Mock.Requests()[mark:] {
				if r.Method != "GET" {
					calls = append(calls, r.Method+" "+r.Path)
				}
			}
			for _, call := range []string{"POST " + org + "/command", configure, reset} {
				if err := acctest.CountCalls(calls, call, n); err != nil {
					return err
				}
			}
			if len(calls) != 3*n {
				return fmt.Errorf("P0 was sent %v; want only the actions' requests", calls)
			}
			return nil
		}
	}
	commandsSent := func(n int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			want := []string{"request", "aws", "permission-set", "Deploy", "--account", "p0-prod", "--reason", "release"}
			commands := env.Mock.Commands()
			if len(commands) != n {
				return fmt.Errorf("%d commands submitted, want %d", len(commands), n)
			}
			for _, c := range commands {
				if !slices.Equal(c.Argv, want) || c.ScriptName != p0.CommandScriptName {
					return fmt.Errorf("submitted %+v, want argv %q", c, want)
				}
			}
			if got := len(env.Mock.ExpiryOptions()); got != presets {
				return fmt.Errorf("%d expiry options after the reset, want P0's %d presets", got, presets)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.ActionVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				PreConfig:          env.MarkRequests(&mark),
				Config:             env.Config(acctest.TriggeredHCL("v1", actions)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: func() {
					for _, r := range env.Mock.Requests()[mark:] {
						if r.Endpoint != "GET /o/{org}/routing" {
							t.Errorf("a plan sent %s %s to P0; it must send nothing but the check of the credentials", r.Method, r.Path)
						}
					}
					mark = len(env.Mock.Requests())
				},
				Config: env.Config(acctest.TriggeredHCL("v1", actions)),
				Check:  resource.ComposeAggregateTestCheckFunc(sent(1), commandsSent(1)),
			},
			{
				PreConfig: env.MarkRequests(&mark),
				Config:    env.Config(acctest.TriggeredHCL("v2", actions)),
				Check:     resource.ComposeAggregateTestCheckFunc(sent(1), commandsSent(2)),
			},
		},
	})
}

// TestAccActions_failures triggers actions that cannot succeed: each apply
// fails with the action's own diagnostic, and a configuration P0 would
// refuse is refused at plan time, with nothing sent.
func TestAccActions_failures(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const stagedAccount, brokenAccount = "626262626262", "636363636363"
	env.Mock.SetAWSItem(p0.ComponentInventory, stagedAccount, p0.AWSItem{State: p0.StateStage})
	env.Mock.SetAWSItem(p0.ComponentInventory, brokenAccount, acctest.Installed(p0.AWSItem{}))
	env.Mock.FailVerification(brokenAccount, "could not assume role P0RoleInventory")
	verify := func(component, attribute, id string) map[string]string {
		return map[string]string{"p0_aws_component_verify.item": fmt.Sprintf(
			"  config {\n    component = %q\n    %s = %q\n    timeout = \"1s\"\n  }\n", component, attribute, id)}
	}
	request := func(argv string) map[string]string {
		return map[string]string{"p0_access_request.bad": "  config {\n    argv = " + argv + "\n    reason = \"why\"\n  }\n"}
	}
	var mark int
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.ActionVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(acctest.TriggeredHCL("a", verify(p0.ComponentInventory, "account_id", stagedAccount))),
				ExpectError: acctest.ExpectError("Unable to Verify AWS Component", "is not installed", `state is "stage"`),
			},
			{
				Config: env.Config(acctest.TriggeredHCL("b", verify(p0.ComponentInventory, "account_id", brokenAccount))),
				ExpectError: acctest.ExpectError("Unable to Verify AWS Component", "400", "could not assume role P0RoleInventory",
					"P0 kept refusing the verification for 1s", "must exist in AWS account "+brokenAccount, "raise timeout"),
			},
			{
				Config:      env.Config(acctest.TriggeredHCL("c", verify(p0.ComponentIAMWrite, "account_id", "646464646464"))),
				ExpectError: acctest.ExpectError("P0 has no", "nothing to verify"),
			},
			{
				PreConfig:   env.MarkRequests(&mark),
				Config:      env.Config(acctest.TriggeredHCL("d", verify(p0.ComponentFunctionCaller, "account_id", stagedAccount))),
				ExpectError: acctest.ExpectError("function_arn is required for component \"function-caller\""),
			},
			{
				Config: env.Config(acctest.TriggeredHCL("d2", map[string]string{"p0_aws_component_verify.item": fmt.Sprintf(
					"  config {\n    component = \"inventory\"\n    account_id = %q\n    timeout = \"soon\"\n  }\n", brokenAccount)})),
				ExpectError: acctest.ExpectError("Invalid Duration", "must be a duration such as 90s or 5m", `got "soon"`),
			},
			{
				Config:      env.Config(acctest.TriggeredHCL("e", request(`["delete", "everything"]`))),
				ExpectError: acctest.ExpectError("Unsupported P0 Command", `got "delete"`),
			},
			{
				Config:      env.Config(acctest.TriggeredHCL("f", request(`["request", "aws", "--reason", "twice"]`))),
				ExpectError: acctest.ExpectError("Reason Given Twice"),
			},
			{
				PreConfig: func() {
					for _, r := range env.Mock.Requests()[mark:] {
						t.Errorf("an action refused at plan time sent %s %s", r.Method, r.Path)
					}
				},
				Config: env.Config(`resource "terraform_data" "deploy" {}`),
			},
		},
	})
}
