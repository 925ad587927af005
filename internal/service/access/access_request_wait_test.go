package access

import (
	"cmp"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
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
// status, with message as P0's reason, after delay once it is there, as an
// approver would while the action waits.
func decideWhenSubmitted(t *testing.T, mock *p0mock.Server, delay time.Duration, status, message string) {
	t.Helper()
	go func() {
		for range 3000 {
			if ids := mock.AccessRequestIDs(); len(ids) > 0 {
				time.Sleep(delay)
				mock.DecideAccessRequest(ids[0], status, message)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
}

// submittedOnce checks that P0 got exactly one submission, however the
// wait went.
func submittedOnce(e *acctest.TestEnv) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := e.Mock.Count("POST /o/{org}/command"); n != 1 {
			return fmt.Errorf("P0 got %d submissions, want 1", n)
		}
		return nil
	}
}

// TestAccAccessRequestWait triggers the p0_access_request action with
// wait = true against every outcome (granted after a delay, granted and
// notified, denied and notified, expired, timed out and pending in P0,
// pre-existing) and every way a P0 may serve the wait: today's poll, a
// poll that ends pending and is opened again, a poll dropped twice, and
// the earlier P0's stream, whole or dropped after its answer. Each submits
// the request exactly once.
func TestAccAccessRequestWait(t *testing.T) {
	cases := []struct {
		name, variant  string
		status, reason string        // the decision an approver makes; "" for none
		after          time.Duration // how long the approver takes; default 100 ms
		timeout        string
		want           []string // phrases of the error; none: success
		polls          int      // polls the wait needs at least
	}{
		{name: "approved after a delay", status: "APPROVED", after: time.Second, timeout: "1m", polls: 1},
		{name: "approved and notified", status: "APPROVED_NOTIFIED", timeout: "1m"},
		{name: "denied and notified", status: "DENIED_NOTIFIED", reason: "not during the freeze", timeout: "1m",
			want: []string{"Unable to Request Access", "DENIED_NOTIFIED: not during the freeze", "An approver denied it"}},
		{name: "expired", status: "EXPIRED", timeout: "1m",
			want: []string{"Unable to Request Access", "EXPIRED", "Invoke the action again to request it anew"}},
		{name: "timed out", timeout: "2s",
			want: []string{"Unable to Request Access", "did not decide access request req-", "within wait_timeout (2s)",
				"stays pending in P0", "raise wait_timeout"}},
		{name: "pre-existing", timeout: "1m"},
		{name: "poll ends pending", variant: "command-poll-ends-pending", status: "DONE_NOTIFIED", after: time.Second, timeout: "1m", polls: 3},
		{name: "poll dropped twice", variant: "command-poll-drops", status: "APPROVED", timeout: "1m", polls: 3},
		{name: "earlier stream", variant: "command-wait-stream", status: "APPROVED", timeout: "1m"},
		{name: "earlier stream, denied", variant: "command-wait-stream", status: "DENIED", reason: "wrong account", timeout: "1m",
			want: []string{"DENIED: wrong account"}},
		{name: "earlier stream dropped", variant: "command-wait-drop", status: "APPROVED_NOTIFIED", timeout: "1m"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env := acctest.NewVariantEnv(t, tc.variant)
			if tc.name == "pre-existing" {
				// The same access, requested before: P0 says it exists.
				client := env.Client(t)
				if _, err := client.SubmitCommand(t.Context(), []string{"request", "aws", "permission-set", "Deployer", "--account", "p0-prod"}); err != nil {
					t.Fatal(err)
				}
				env.Mock.ResetRequests()
			}
			if tc.status != "" {
				decideWhenSubmitted(t, env.Mock, cmp.Or(tc.after, 100*time.Millisecond), tc.status, tc.reason)
			}
			step := resource.TestStep{
				Config: env.Config(acctest.TriggeredHCL("v1", waitingAction(tc.timeout))),
				Check:  submittedOnce(env),
			}
			if tc.want != nil {
				step.ExpectError = acctest.ExpectError(tc.want...)
			}
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks:   acctest.ActionVersions,
				ProtoV6ProviderFactories: env.Factories(),
				Steps:                    []resource.TestStep{step},
			})
			if tc.want != nil {
				if err := submittedOnce(env)(nil); err != nil {
					t.Error(err)
				}
			}
			if polls := env.Mock.Count("GET /o/{org}/command/{id}/poll"); polls < tc.polls {
				t.Errorf("%d polls, want at least %d", polls, tc.polls)
			}
		})
	}
}
