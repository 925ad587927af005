package access

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// requestAndWait submits the request and waits for P0's decision (see
// p0.Client.WaitForAccess), saying as it goes what it does: submitted,
// still waiting (every 30 seconds), and the outcome.
func (a *accessRequestAction) requestAndWait(ctx context.Context, args accessRequestActionArguments, resp *action.InvokeResponse, op framework.Operation) {
	limit := defaultWaitTimeout
	if !args.WaitTimeout.IsNull() {
		parsed, err := time.ParseDuration(args.WaitTimeout.ValueString())
		if err != nil {
			op.Fail(fmt.Sprintf("wait_timeout %q is not a duration: %s.", args.WaitTimeout.ValueString(), err))
			return
		}
		limit = parsed
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()

	var id string
	result, state, err := a.Client.WaitForAccess(ctx, commandLine(args.accessRequestArguments), p0.WaitObserver{
		Submitted: func(r p0.CommandResult) {
			id = r.ID
			framework.Progress(resp, "P0 has access request %s: %s", r.ID, r.Message)
			if !r.IsPreexisting && !r.IsPersistent {
				framework.Progress(resp, "Waiting up to %s for P0 to decide request %s", limit, r.ID)
			}
		},
		Waiting: func(waited time.Duration) {
			framework.Progress(resp, "Still waiting for P0 to decide request %s (%s so far)", id, waited.Round(time.Second))
		},
		ProgressEvery: waitProgressEvery,
	})
	var refused *p0.AccessRefusedError
	var pending *p0.AccessPendingError
	var broken *p0.AccessWaitError
	switch {
	case errors.As(err, &refused):
		op.Fail(refusedDetail(refused))
	case errors.As(err, &pending):
		op.Fail(fmt.Sprintf("P0 did not decide access request %s within wait_timeout (%s); its last status was %s. "+
			"The request stays pending in P0, where an approver can still approve it.\n\nOnce it is approved, invoke "+
			"the action again: P0 answers at once that the access exists, without a second request. To wait longer "+
			"the first time, raise wait_timeout.", pending.ID, limit, orUnknown(pending.Status)))
	case errors.As(err, &broken):
		op.Fail(framework.AnswerDetail("waiting for P0 to decide access request "+broken.ID, broken.Err) + "\n\nP0 has the " +
			"request, which stays there, undecided as far as the provider knows; it was not sent again. Look for it " +
			"among the access requests in P0's web app, or where approvers are asked (for example Slack). Once it is " +
			"approved, invoke the action again: P0 answers at once that the access exists, without a second request.")
	case err != nil:
		submissionFailed(op, "submitting the access request and waiting for P0's decision", err)
	case result.IsPreexisting:
		framework.Progress(resp, "Access granted: it already exists (request %s)", result.ID)
	case result.IsPersistent:
		framework.Progress(resp, "Access granted: it is persistent (request %s)", result.ID)
	default:
		framework.Progress(resp, "Access granted: request %s is %s", result.ID, state.Status)
	}
}

// refusedDetail explains a request P0 decided against, with what to do
// next for its status.
func refusedDetail(refused *p0.AccessRefusedError) string {
	detail := fmt.Sprintf("P0 decided access request %s: %s", refused.ID, refused.State.Status)
	if reason := refused.State.Reason(); reason != "" {
		detail += ": " + reason
	}
	// P0 marks a status _NOTIFIED once it has told the requestor: the
	// same outcome.
	next := map[string]string{
		"DENIED": "An approver denied it. Ask them why, or request the access again with a reason that answers " +
			"their concern.",
		"EXPIRED": "No approver decided before it expired, or the access it gave has ended. Invoke the action " +
			"again to request it anew.",
		"ERRORED": "P0 could not grant the access. Its message says why; correct that in P0 (for example the " +
			"integration or the resource requested), then invoke the action again.",
		"REVOKED": "The access was revoked in P0. Invoke the action again if it is still needed.",
	}[strings.TrimSuffix(refused.State.Status, "_NOTIFIED")]
	return detail + ".\n\n" + next
}

// orUnknown is status, or words for none.
func orUnknown(status string) string {
	if status == "" {
		return "not given"
	}
	return status
}
