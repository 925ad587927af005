package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// waitingAction is the p0_access_request action that waits for the
// decision, at most timeout.
func waitingAction(timeout string) map[string]string {
	return map[string]string{"p0_access_request.deploy": fmt.Sprintf(`  config {
    argv         = ["request", "aws", "permission-set", "Deployer", "--account", "p0-prod"]
    reason       = "release"
    wait         = true
    wait_timeout = %q
  }
`, timeout)}
}

// decideWhenSubmitted gives the first request submitted to the mock
// status, with message as P0's reason, once it is there, as an approver
// would while the action waits.
func decideWhenSubmitted(t *testing.T, mock *p0mock.Server, status, message string) {
	t.Helper()
	go func() {
		for range 3000 {
			if ids := mock.AccessRequestIDs(); len(ids) > 0 {
				time.Sleep(100 * time.Millisecond)
				mock.DecideAccessRequest(ids[0], status, message)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
}

// submittedOnce checks that P0 got exactly one submission, however the
// wait went.
func (e *testEnv) submittedOnce(*terraform.State) error {
	if n := e.Mock.Count("POST /o/{org}/command"); n != 1 {
		return fmt.Errorf("P0 got %d submissions, want 1", n)
	}
	return nil
}

// TestAccAccessRequestWait triggers the p0_access_request action with
// wait = true against every outcome: granted by an approver, denied,
// expired, timed out (pending in P0), pre-existing; and against a P0 that
// answers with one plain object, or whose stream drops, which the action
// follows by reading the request. Each submits the request exactly once.
func TestAccAccessRequestWait(t *testing.T) {
	cases := []struct {
		name, variant  string
		status, reason string // the decision an approver makes; "" for none
		timeout        string
		want           []string // phrases of the error; none: success
	}{
		{name: "granted", status: "APPROVED", timeout: "1m"},
		{name: "denied", status: "DENIED", reason: "not during the freeze", timeout: "1m",
			want: []string{"Unable to Request Access", "DENIED: not during the freeze", "An approver denied it"}},
		{name: "expired", status: "EXPIRED", timeout: "1m",
			want: []string{"Unable to Request Access", "EXPIRED", "Invoke the action again to request it anew"}},
		{name: "timed out", timeout: "2s",
			want: []string{"Unable to Request Access", "did not decide access request req-", "within wait_timeout (2s)",
				"stays pending in P0", "raise wait_timeout"}},
		{name: "pre-existing", timeout: "1m"},
		{name: "plain answer", variant: "command-wait-plain", status: "DONE", timeout: "1m"},
		{name: "dropped stream", variant: "command-wait-drop", status: "APPROVED_NOTIFIED", timeout: "1m"},
		{name: "dropped stream, denied", variant: "command-wait-drop", status: "DENIED", reason: "wrong account", timeout: "1m",
			want: []string{"DENIED: wrong account"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := newVariantEnv(t, tc.variant)
			if tc.name == "pre-existing" {
				// The same access, requested before: P0 says it exists.
				client := env.client(t)
				if _, err := client.SubmitCommand(t.Context(), []string{"request", "aws", "permission-set", "Deployer", "--account", "p0-prod"}); err != nil {
					t.Fatal(err)
				}
				env.Mock.ResetRequests()
			}
			if tc.status != "" {
				decideWhenSubmitted(t, env.Mock, tc.status, tc.reason)
			}
			step := resource.TestStep{
				Config: env.Config(triggeredHCL("v1", waitingAction(tc.timeout))),
				Check:  env.submittedOnce,
			}
			if tc.want != nil {
				step.ExpectError = expectError(tc.want...)
			}
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   actionVersions,
				ProtoV6ProviderFactories: env.Factories(),
				Steps:                    []resource.TestStep{step},
			})
			if tc.want != nil {
				if err := env.submittedOnce(nil); err != nil {
					t.Error(err)
				}
			}
		})
	}
}
