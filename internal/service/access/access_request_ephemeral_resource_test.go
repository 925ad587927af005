package access

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

func TestAccAccessRequest_results(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.EphemeralResourcesSupported},
		ProtoV6ProviderFactories: acctest.WithEcho(env),
		Steps: []resource.TestStep{{
			Config: env.Config(`
ephemeral "p0_access_request" "test" {
  argv   = ["request", "aws", "permission-set", "BucketList", "--account", "p0-dev"]
  reason = "deploy pipeline"
}

provider "echo" {
  data = ephemeral.p0_access_request.test
}

resource "echo" "test" {}
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("id"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("message"), knownvalue.StringRegexp(regexp.MustCompile(`.+`))),
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("is_persistent"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("echo.test", tfjsonpath.New("data").AtMapKey("is_preexisting"), knownvalue.NotNull()),
			},
			Check: func(*terraform.State) error {
				cmds := env.Mock.Commands()
				if len(cmds) == 0 {
					return fmt.Errorf("no command reached P0")
				}
				want := []string{"request", "aws", "permission-set", "BucketList", "--account", "p0-dev", "--reason", "deploy pipeline"}
				if got := cmds[0].Argv; !slices.Equal(got, want) || cmds[0].ScriptName != "p0" {
					return fmt.Errorf("P0 received %q %q, want p0 %q", cmds[0].ScriptName, got, want)
				}
				return nil
			},
		}},
	})
}

// TestAccAccessRequest_notPersisted opens the ephemeral resource for another
// resource's input and then searches plan and state for anything of it.
func TestAccAccessRequest_notPersisted(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.EphemeralResourcesSupported},
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
ephemeral "p0_access_request" "test" {
  argv = ["request", "aws", "role", "Deployer", "--persistent"]
}

locals {
  granted = ephemeral.p0_access_request.test.is_persistent
}

resource "p0_routing_rule" "test" {
  name      = "uses the pipeline"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]
}
`),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{notInPlan{}},
			},
			ConfigStateChecks: []statecheck.StateCheck{notInState{}},
			Check: func(*terraform.State) error {
				if len(env.Mock.Commands()) == 0 {
					return fmt.Errorf("the ephemeral resource was never opened")
				}
				return nil
			},
		}},
	})
}

func TestAccAccessRequest_invalid(t *testing.T) {
	env := acctest.NewTestEnv(t)
	cases := map[string]struct{ body, want string }{
		"empty argv":     {`argv = []`, `argv list must contain at least 1`},
		"unknown word":   {`argv = ["delete", "everything"]`, `(?s)Unsupported P0 Command.*argv must start with one of request, grant, allow`},
		"reason twice":   {`argv = ["request", "aws", "--reason", "x"]` + "\n  reason = \"y\"", `(?s)Reason Given Twice.*argv contains --reason`},
		"empty reason":   {`argv = ["request", "aws"]` + "\n  reason = \"\"", `reason string length must be at least 1`},
		"empty argument": {`argv = ["request", ""]`, `argv\[1\]`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, tc := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config("ephemeral \"p0_access_request\" \"test\" {\n  " + tc.body + "\n}\n"),
			ExpectError: regexp.MustCompile(tc.want),
		})
	}
	// A command P0 rejects: the error carries P0's message and status.
	env.Mock.FailNext("POST", "/o/{org}/command", 400, "no such permission set: Nope")
	steps = append(steps, resource.TestStep{
		Config:      env.Config(`ephemeral "p0_access_request" "test" { argv = ["request", "aws", "permission-set", "Nope"] }`),
		ExpectError: acctest.ExpectError("Unable to Request Access", "400 Bad Request: no such permission set: Nope"),
	})
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.EphemeralResourcesSupported},
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
}

// notInPlan fails when the plan mentions the ephemeral resource's results.
// The plan's "configuration" section is left out: it repeats the test's own
// configuration, not anything the provider returned, and OpenTofu lists
// ephemeral blocks there with their arguments (Terraform leaves them out).
type notInPlan struct{}

func (notInPlan) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	plan := *req.Plan
	plan.Config = nil
	resp.Error = mustNotMention(&plan, "plan")
}

// notInState fails when the state mentions the ephemeral resource's results.
type notInState struct{}

func (notInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	resp.Error = mustNotMention(req.State, "state")
}

// mustNotMention encodes a plan or state as JSON and looks for the
// ephemeral resource's type and the mock's request id prefix.
func mustNotMention(v any, what string) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	for _, needle := range []string{"p0_access_request", "is_persistent", "Deployer"} {
		if strings.Contains(string(data), needle) {
			return fmt.Errorf("the %s contains %q", what, needle)
		}
	}
	return nil
}

// TestAccAccessRequest_uncertainSubmission has P0 answer the access request
// with a server error, after which it may have taken the request: the
// request is not sent again, and the error says to look for it in P0
// before requesting again.
func TestAccAccessRequest_uncertainSubmission(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.FailNext("POST", "/o/{org}/command", http.StatusBadGateway, "upstream closed the connection")
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.EphemeralResourcesSupported},
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`ephemeral "p0_access_request" "test" { argv = ["request", "aws", "role", "Deploy"] }`),
			ExpectError: acctest.ExpectError("Unable to Request Access", "502 Bad Gateway: upstream closed the connection",
				"P0 may have taken the request before this failure, so it was not sent again"),
		}},
	})
	if sent := env.Mock.Count("POST /o/{org}/command"); sent != 1 {
		t.Errorf("the access request was sent %d times; want once", sent)
	}
}
