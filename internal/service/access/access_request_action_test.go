package access

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// TestAccessRequestProgress invokes the action without wait and checks
// the progress messages it sends while it runs, which Terraform shows as
// they come.
func TestAccessRequestProgress(t *testing.T) {
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	acctest.ExpectProgress(t, acctest.Configured(NewAccessRequestAction(), acctest.NewTestEnv(t).Client(t)), map[string]tftypes.Value{
		"argv":   tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{str("request"), str("ssh"), str("prod")}),
		"reason": str("deploy"), "wait": tftypes.NewValue(tftypes.Bool, nil), "wait_timeout": tftypes.NewValue(tftypes.String, nil),
	},
		"Submitting `p0 request ssh prod` to P0",
		"P0 created access request ",
	)
}

// TestAccessRequestWaitProgress waits for a request that P0 approves after
// a while: the action says it submitted it (with its id and P0's message),
// that it still waits (every waitProgressEvery, with the time waited), and
// the outcome.
func TestAccessRequestWaitProgress(t *testing.T) {
	env := acctest.NewTestEnv(t)
	env.Mock.SetBehavior(p0mock.Behavior{ApproveAfter: 400 * time.Millisecond})
	every := waitProgressEvery
	waitProgressEvery = 100 * time.Millisecond
	t.Cleanup(func() { waitProgressEvery = every })
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	messages, diags := acctest.InvokeAction(t, acctest.Configured(NewAccessRequestAction(), env.Client(t)), map[string]tftypes.Value{
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
