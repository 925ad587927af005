package p0

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// maxRetryAfter caps how long a Retry-After header can make the client wait
// before one retry, so a misconfigured proxy cannot stall an apply for hours.
const maxRetryAfter = 2 * time.Minute

// retryPolicy retries throttling (429), server errors (5xx except 501) and
// transport failures; every other 4xx is final. It is retryablehttp's
// default policy, which also stops on certificate errors and redirect
// loops, and it stops on a plain HTTP answer to an HTTPS request: a wrong
// host setting, not a passing fault.
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if isPlainHTTPAnswer(err) {
		return false, nil
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
}

// untakenOnly retries a request only when P0 cannot have taken it: after
// 429 or 503, by which P0 (or a proxy before it) says that it did not
// handle it, or when no connection was made. A request that must not be
// made twice (an access request) is not sent again after another server
// error, a timeout or a lost answer, any of which may have followed its
// being taken.
func untakenOnly(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if err != nil {
		return neverSent(err), nil
	}
	return notHandled(resp.StatusCode), nil
}

// notHandled reports whether status says that the request was not handled
// at all: throttled, or refused while the service is unavailable.
func notHandled(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable
}

// neverSent reports whether err is a failure to connect, before anything
// of the request was written.
func neverSent(err error) bool {
	var opErr *net.OpError
	return errors.As(err, &opErr) && opErr.Op == "dial"
}

// isPlainHTTPAnswer reports whether an HTTPS request was answered in plain
// HTTP. net/http reports it only in words, replacing the TLS error.
func isPlainHTTPAnswer(err error) bool {
	return err != nil && strings.Contains(err.Error(), "server gave HTTP response to HTTPS client")
}

// backoff waits what Retry-After asks for when the server sends it, and
// otherwise grows exponentially from minWait, capped at maxWait, with "equal
// jitter": half the interval fixed and half random, so that parallel
// requests throttled together do not retry together.
func backoff(minWait, maxWait time.Duration, attempt int, resp *http.Response) time.Duration {
	if wait, ok := retryAfter(resp); ok {
		return wait
	}
	interval := minWait
	for i := 0; i < attempt && interval < maxWait; i++ {
		interval *= 2
	}
	if interval > maxWait {
		interval = maxWait
	}
	half := interval / 2
	return half + rand.N(half+1)
}

// retryAfter reads a Retry-After header given in seconds or as an HTTP date
// on a 429 or 503 response.
func retryAfter(resp *http.Response) (time.Duration, bool) {
	if resp == nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return 0, false
	}
	header := resp.Header.Get("Retry-After")
	if header == "" {
		return 0, false
	}
	var wait time.Duration
	if seconds, err := strconv.Atoi(header); err == nil && seconds >= 0 {
		wait = time.Duration(seconds) * time.Second
	} else if at, err := http.ParseTime(header); err == nil {
		wait = time.Until(at)
	} else {
		return 0, false
	}
	return min(max(wait, 0), maxRetryAfter), true
}

type attemptCounterKey struct{}

// withAttemptCounter lets the request log hook count attempts for one call.
func withAttemptCounter(ctx context.Context, n *int) context.Context {
	return context.WithValue(ctx, attemptCounterKey{}, n)
}

// logRetry counts every attempt and logs the retries. It never sees the
// token: it logs the method and path only.
func (c *Client) logRetry(_ retryablehttp.Logger, req *http.Request, attempt int) {
	ctx := req.Context()
	if n, ok := ctx.Value(attemptCounterKey{}).(*int); ok {
		*n = attempt + 1
	}
	if attempt > 0 {
		c.logger.Warn(ctx, "retrying P0 API request", map[string]any{
			"method": req.Method, "path": req.URL.Path, "attempt": attempt + 1,
		})
	}
}
