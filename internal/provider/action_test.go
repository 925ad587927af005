package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// Actions need Terraform 1.14; OpenTofu has none.
var actionVersions = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	skipOnOpenTofu("OpenTofu has no actions"),
}

// triggeredHCL is a terraform_data whose creation and every change of
// input trigger actions, and the action blocks.
func triggeredHCL(input string, actions map[string]string) string {
	addresses := make([]string, 0, len(actions))
	blocks := ""
	for _, address := range slices.Sorted(maps.Keys(actions)) {
		addresses = append(addresses, "action."+address)
		kind, name, _ := strings.Cut(address, ".")
		blocks += fmt.Sprintf("action %q %q {\n%s}\n", kind, name, actions[address])
	}
	return fmt.Sprintf(`
resource "terraform_data" "deploy" {
  input = %q
  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [%s]
    }
  }
}
`, input, strings.Join(addresses, ", ")) + blocks
}

// TestAccActions triggers every action from a terraform_data: a plan sends
// P0 nothing but the check of the credentials; each apply that creates or changes the terraform_data
// submits the access request once, verifies the AWS item again and resets
// the expiry options.
func TestAccActions(t *testing.T) {
	env := newTestEnv(t)
	env.Mock.SetAWSItem(p0.ComponentFunctionCaller, testLambdaARN, installed(p0.AWSItem{Label: "notify"}))
	env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 90, Unit: p0.UnitMinutes}))
	presets := len(env.Mock.ExpiryOptions()) - 1
	actions := map[string]string{
		"p0_access_request.deploy": `  config {
    argv   = ["request", "aws", "permission-set", "Deploy", "--account", "p0-prod"]
    reason = "release"
  }
`,
		"p0_aws_component_verify.notify": fmt.Sprintf("  config {\n    component    = \"function-caller\"\n    function_arn = %q\n  }\n", testLambdaARN),
		"p0_expiry_options_reset.all":    "",
	}
	org := "/o/" + testOrg
	configure := "POST " + org + "/integrations/aws/config/function-caller/" + testLambdaARN + "/configure"
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
				if err := countCalls(calls, call, n); err != nil {
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
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				PreConfig:          env.markRequests(&mark),
				Config:             env.Config(triggeredHCL("v1", actions)),
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
				Config: env.Config(triggeredHCL("v1", actions)),
				Check:  resource.ComposeAggregateTestCheckFunc(sent(1), commandsSent(1)),
			},
			{
				PreConfig: env.markRequests(&mark),
				Config:    env.Config(triggeredHCL("v2", actions)),
				Check:     resource.ComposeAggregateTestCheckFunc(sent(1), commandsSent(2)),
			},
		},
	})
}

// TestAccActions_failures triggers actions that cannot succeed: each apply
// fails with the action's own diagnostic, and a configuration P0 would
// refuse is refused at plan time, with nothing sent.
func TestAccActions_failures(t *testing.T) {
	env := newTestEnv(t)
	const stagedAccount, brokenAccount = "626262626262", "636363636363"
	env.Mock.SetAWSItem(p0.ComponentInventory, stagedAccount, p0.AWSItem{State: p0.StateStage})
	env.Mock.SetAWSItem(p0.ComponentInventory, brokenAccount, installed(p0.AWSItem{}))
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
		TerraformVersionChecks:   actionVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(triggeredHCL("a", verify(p0.ComponentInventory, "account_id", stagedAccount))),
				ExpectError: expectError("Unable to Verify AWS Component", "is not installed", `state is "stage"`),
			},
			{
				Config: env.Config(triggeredHCL("b", verify(p0.ComponentInventory, "account_id", brokenAccount))),
				ExpectError: expectError("Unable to Verify AWS Component", "400", "could not assume role P0RoleInventory",
					"P0 kept refusing the verification for 1s", "must exist in AWS account "+brokenAccount, "raise timeout"),
			},
			{
				Config:      env.Config(triggeredHCL("c", verify(p0.ComponentIAMWrite, "account_id", "646464646464"))),
				ExpectError: expectError("P0 has no", "nothing to verify"),
			},
			{
				PreConfig:   env.markRequests(&mark),
				Config:      env.Config(triggeredHCL("d", verify(p0.ComponentFunctionCaller, "account_id", stagedAccount))),
				ExpectError: expectError("function_arn is required for component \"function-caller\""),
			},
			{
				Config: env.Config(triggeredHCL("d2", map[string]string{"p0_aws_component_verify.item": fmt.Sprintf(
					"  config {\n    component = \"inventory\"\n    account_id = %q\n    timeout = \"soon\"\n  }\n", brokenAccount)})),
				ExpectError: expectError("Invalid Duration", "must be a duration such as 90s or 5m", `got "soon"`),
			},
			{
				Config:      env.Config(triggeredHCL("e", request(`["delete", "everything"]`))),
				ExpectError: expectError("Unsupported P0 Command", `got "delete"`),
			},
			{
				Config:      env.Config(triggeredHCL("f", request(`["request", "aws", "--reason", "twice"]`))),
				ExpectError: expectError("Reason Given Twice"),
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

// TestActionProgress invokes each action directly and checks the progress
// messages it sends while it runs, which Terraform shows as they come.
func TestActionProgress(t *testing.T) {
	env := newTestEnv(t)
	env.Mock.SetAWSItem(p0.ComponentInventory, "656565656565", installed(p0.AWSItem{}))
	client := env.client(t)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	for _, c := range []struct {
		action action.Action
		config map[string]tftypes.Value
		want   []string
	}{
		{&expiryOptionsResetAction{framework.ActionBase{Base: framework.Base{Client: client}}}, map[string]tftypes.Value{}, []string{
			`Resetting the expiry options of organization "` + testOrg + `" to P0's presets`,
			"P0 now offers 5 expiry options: 5 minutes, 1 hour, 1 day, 1 week, 30 days",
		}},
		{&accessRequestAction{framework.ActionBase{Base: framework.Base{Client: client}}}, map[string]tftypes.Value{
			"argv":   tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("request"), str("ssh"), str("prod")}),
			"reason": str("deploy"), "wait": tftypes.NewValue(tftypes.Bool, nil), "wait_timeout": tftypes.NewValue(tftypes.String, nil),
		}, []string{
			"Submitting `p0 request ssh prod` to P0",
			"P0 created access request ",
		}},
		{&awsComponentVerifyAction{framework.ActionBase{Base: framework.Base{Client: client}}}, map[string]tftypes.Value{
			"component": str(p0.ComponentInventory), "account_id": str("656565656565"),
			"function_arn": tftypes.NewValue(tftypes.String, nil), "timeout": tftypes.NewValue(tftypes.String, nil),
		}, []string{
			`Reading AWS component "inventory" in account 656565656565`,
			`Sending the configuration of AWS component "inventory" in account 656565656565 again; P0 answers once it has verified the AWS side`,
			`P0 verified AWS component "inventory" in account 656565656565`,
		}},
	} {
		messages, diags := invokeAction(t, c.action, c.config)
		if diags.HasError() {
			t.Fatalf("%T: %v", c.action, diags)
		}
		if len(messages) != len(c.want) {
			t.Fatalf("%T sent %q, want %q", c.action, messages, c.want)
		}
		for i, want := range c.want {
			if !strings.HasPrefix(messages[i], want) {
				t.Errorf("%T progress %d = %q, want %q", c.action, i, messages[i], want)
			}
		}
	}
}

// TestAccessRequestWaitProgress waits for a request that P0 approves after
// a while: the action says it submitted it (with its id and P0's message),
// that it still waits (every waitProgressEvery, with the time waited), and
// the outcome.
func TestAccessRequestWaitProgress(t *testing.T) {
	env := newTestEnv(t)
	env.Mock.SetBehavior(p0mock.Behavior{ApproveAfter: 400 * time.Millisecond})
	every := waitProgressEvery
	waitProgressEvery = 100 * time.Millisecond
	t.Cleanup(func() { waitProgressEvery = every })
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	messages, diags := invokeAction(t, &accessRequestAction{framework.ActionBase{Base: framework.Base{Client: env.client(t)}}}, map[string]tftypes.Value{
		"argv":   tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("request"), str("ssh"), str("prod")}),
		"reason": str("deploy"), "wait": tftypes.NewValue(tftypes.Bool, true), "wait_timeout": str("30s"),
	})
	if diags.HasError() {
		t.Fatal(diags)
	}
	id := env.Mock.AccessRequestIDs()[0]
	first := []string{
		"Submitting `p0 request ssh prod` to P0",
		"P0 has access request " + id + ": Access request " + id + " submitted",
		"Waiting up to 30s for P0 to decide request " + id,
	}
	if len(messages) < len(first)+2 || !slices.Equal(messages[:len(first)], first) {
		t.Fatalf("progress = %q; want it to start %q", messages, first)
	}
	waiting := messages[len(first) : len(messages)-1]
	for _, m := range waiting {
		if !strings.HasPrefix(m, "Still waiting for P0 to decide request "+id+" (") || !strings.HasSuffix(m, "s so far)") {
			t.Errorf("progress while waiting = %q", m)
		}
	}
	if len(waiting) < 2 || len(waiting) > 5 {
		t.Errorf("%d progress reports while waiting 400 ms, every 100 ms", len(waiting))
	}
	if last := messages[len(messages)-1]; last != "Access granted: request "+id+" is APPROVED" {
		t.Errorf("the last progress report is %q, want the outcome", last)
	}
}

// invokeAction invokes a with a configuration of the given values and
// returns its progress messages and diagnostics.
func invokeAction(t *testing.T, a action.Action, values map[string]tftypes.Value) ([]string, diag.Diagnostics) {
	t.Helper()
	ctx := context.Background()
	var schemaResp action.SchemaResponse
	a.Schema(ctx, action.SchemaRequest{}, &schemaResp)
	config := tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), values)}
	var messages []string
	resp := action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { messages = append(messages, e.Message) }}
	a.Invoke(ctx, action.InvokeRequest{Config: config}, &resp)
	return messages, resp.Diagnostics
}
