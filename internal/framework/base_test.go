package framework_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// TestOperationWithTimeout bounds an operation by its timeouts block: the
// block's limit when it can be read, none after the operation has failed
// (the block is then not read at all) or when the block cannot be read,
// whose error the operation then reports.
func TestOperationWithTimeout(t *testing.T) {
	const limit = time.Hour
	readable := func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) { return limit, nil }
	unreadable := func(context.Context, time.Duration) (time.Duration, diag.Diagnostics) {
		var d diag.Diagnostics
		d.AddError("Invalid timeouts", "not a duration")
		return 0, d
	}
	for _, c := range []struct {
		name         string
		failedBefore bool
		limit        framework.TimeoutFunc
		bounded      bool
		errors       int
	}{
		{name: "readable", limit: readable, bounded: true},
		{name: "unreadable", limit: unreadable, errors: 1},
		{name: "after a failure", failedBefore: true, limit: unreadable, errors: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.Diagnostics
			op := framework.Operation{Diags: &diags, Summary: "Unable to Test"}
			if c.failedBefore {
				op.Fail("decoding failed")
			}
			ctx, cancel := op.WithTimeout(context.Background(), c.limit, time.Minute)
			defer cancel()
			deadline, bounded := ctx.Deadline()
			if bounded != c.bounded || bounded && time.Until(deadline) < limit-time.Minute {
				t.Errorf("deadline = %v (set: %v), want one an hour away: %v", deadline, bounded, c.bounded)
			}
			if diags.ErrorsCount() != c.errors {
				t.Errorf("errors = %v, want %d", diags, c.errors)
			}
		})
	}
}
