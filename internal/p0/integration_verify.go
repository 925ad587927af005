package p0

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// VerifyItemWhenReady verifies a staged item with body, waiting for the
// other side: a role or permission granted moments ago may not be usable by
// P0 yet (cloud IAM propagates in seconds to minutes), and P0 then refuses
// the verification (400 "role not found / cannot assume"). A refusal is
// retried, with waits from VerifyWaitMin doubling up to VerifyWaitMax,
// until ctx's deadline (none without one); the last refusal is returned
// then.
//
// After a refusal, or an error that followed retries, the item is read
// first: an item no longer staged was verified, by an earlier attempt whose
// answer was lost or by someone else since its state was read, and what
// remains is to configure it. That read is a fresh one, as the verification
// was a write.
func (c *Client) VerifyItemWhenReady(ctx context.Context, ref ItemRef, body any) error {
	return c.retryRefusals(ctx, ref, func() error {
		_, err := c.VerifyItem(ctx, ref, body)
		return err
	}, c.verifiedSince)
}

// ReconfigureItemWhenReady sends an installed item's configuration again,
// which P0 answers only after verifying the other side again. As in
// VerifyItemWhenReady, a refusal is retried with growing waits until ctx's
// deadline: a role changed moments ago may not be usable yet.
func (c *Client) ReconfigureItemWhenReady(ctx context.Context, ref ItemRef, body any) error {
	return c.retryRefusals(ctx, ref, func() error {
		_, err := c.ConfigureItem(ctx, ref, body)
		return err
	}, nil)
}

// VerifyAWSComponentWhenReady verifies a staged AWS item (see
// VerifyItemWhenReady).
func (c *Client) VerifyAWSComponentWhenReady(ctx context.Context, component, id string) error {
	return c.VerifyItemWhenReady(ctx, AWSRef(component, id), AWSVerifyBody)
}

// ReconfigureAWSComponentWhenReady sends an installed AWS item's
// configuration again (see ReconfigureItemWhenReady).
func (c *Client) ReconfigureAWSComponentWhenReady(ctx context.Context, component, id string, item AWSItem) error {
	item.State = StateConfigure
	return c.ReconfigureItemWhenReady(ctx, AWSRef(component, id), item)
}

// retryRefusals makes attempt until it succeeds, P0 answers anything but a
// refusal of the AWS side, or ctx's deadline leaves no time for the next
// wait. After a refusal, or an error that followed retries, done (when not
// nil) tells whether the attempt's end is reached anyway. When the deadline
// passes before P0 answers a retry, P0's last refusal is returned: it says
// what is wrong on the AWS side, where the deadline says only that time ran
// out.
func (c *Client) retryRefusals(ctx context.Context, ref ItemRef, attempt func() error,
	done func(ctx context.Context, ref ItemRef) bool) error {
	wait := c.verifyWaitMin
	var refusal error
	for {
		err := attempt()
		if err == nil {
			return nil
		}
		var apiErr *APIError
		answered := errors.As(err, &apiErr)
		if !answered && refusal != nil && ctx.Err() != nil {
			return refusal
		}
		if !answered || (!verificationRefused(apiErr) && apiErr.Attempts < 2) {
			return err
		}
		if done != nil && done(ctx, ref) {
			return nil
		}
		if !verificationRefused(apiErr) || !sleepWithin(ctx, wait) {
			return err
		}
		refusal = err
		c.logger.Debug(ctx, "P0 refused to verify an item; the other side may not have made the role usable yet, so trying again",
			map[string]any{"item": ref.String(), "status": apiErr.StatusCode, "waited_ms": wait.Milliseconds()})
		wait = min(2*wait, c.verifyWaitMax)
	}
}

// verifiedSince reports whether the item is no longer staged.
func (c *Client) verifiedSince(ctx context.Context, ref ItemRef) bool {
	got, err := c.GetItem(ctx, ref)
	return err == nil && got.State() != StateStage
}

// IsVerificationRefusal reports whether err is P0's refusal of the other side
// when verifying an item, as opposed to a failure to answer or a refusal of
// the caller.
func IsVerificationRefusal(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && verificationRefused(apiErr)
}

// verificationRefused reports whether P0 checked the other side and found it
// wanting, as opposed to failing to answer or refusing the caller.
func verificationRefused(err *APIError) bool {
	switch err.StatusCode {
	case http.StatusBadRequest, http.StatusPreconditionFailed, http.StatusUnprocessableEntity, http.StatusFailedDependency:
		return true
	}
	return false
}

// sleepWithin waits for d and reports true, unless ctx's deadline comes
// first: then it returns false at once, leaving the time for the caller. A
// context without a deadline sets no bound on waiting, so it is not waited
// on at all.
func sleepWithin(ctx context.Context, d time.Duration) bool {
	if deadline, ok := ctx.Deadline(); !ok || time.Until(deadline) < d {
		return false
	}
	wait, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	<-wait.Done()
	return ctx.Err() == nil
}
