package p0

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-cleanhttp"
	"github.com/hashicorp/go-retryablehttp"
)

// Client calls the P0 API for one organization. It is safe for concurrent
// use; one Client should serve a whole provider process so that connections
// are reused.
type Client struct {
	base      *url.URL
	org       string
	token     string
	userAgent string
	logger    Logger
	http      *retryablehttp.Client
	// submitHTTP is http for requests that must not be made twice (see
	// submit), and streamHTTP the same without a time limit on the answer,
	// for answers streamed while P0 waits (see openStream); pollHTTP is
	// http without that limit, for the polls of a wait (see WaitForAccess).
	submitHTTP *retryablehttp.Client
	streamHTTP *retryablehttp.Client
	pollHTTP   *retryablehttp.Client

	// shared lets reads of one object share a request (see sharedReads).
	shared *sharedReads
	// expiry remembers the latest list of expiry options (see
	// ExpiryOptionListed).
	expiry *expiryListing

	// dialect is what the client learned of how P0 takes routing rules
	// (see routingDialect).
	dialect routingDialect

	// verifyWaitMin and verifyWaitMax bound the waits between attempts to
	// verify an AWS item (see VerifyAWSComponentWhenReady), and
	// verifyTimeout the whole wait where the caller sets no bound.
	verifyWaitMin, verifyWaitMax, verifyTimeout time.Duration

	// checkTimeout bounds CheckCredentials.
	checkTimeout time.Duration

	// waitPollMin and waitPollMax bound the backoff before a poll of an
	// access request is opened again (see WaitForAccess).
	waitPollMin, waitPollMax time.Duration

	// refusal is P0's first 401 or 403 to this client: requests after it
	// are not sent, and only one caller reports it in full, however many
	// met it (see CredentialsRefusedError and reportOnce).
	refusal         atomic.Pointer[APIError]
	refusalReported atomic.Bool

	// roots holds, per integration, whether its root is known to exist
	// (see EnsureIntegration).
	roots *integrationRoots
}

// NewClient checks the configuration and returns a ready client.
func NewClient(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	base, err := ParseHost(cfg.Host)
	if err != nil {
		return nil, err
	}

	transport := cleanhttp.DefaultPooledTransport()
	// Terraform runs ten operations at once by default and users raise it;
	// keep enough idle connections that parallel requests reuse them.
	transport.MaxIdleConnsPerHost = 64

	c := &Client{
		base:      base,
		org:       cfg.Org,
		token:     cfg.Token,
		userAgent: cfg.UserAgent,
		logger:    cfg.Logger,
		shared:    newSharedReads(),
		expiry:    newExpiryListing(),
		roots:     newIntegrationRoots(),

		verifyWaitMin: cfg.VerifyWaitMin,
		verifyTimeout: cfg.VerifyTimeout,
		checkTimeout:  cfg.CheckTimeout,
		waitPollMin:   cfg.WaitPollMin,
		waitPollMax:   cfg.WaitPollMax,
		verifyWaitMax: cfg.VerifyWaitMax,
	}
	c.http = c.retryingClient(cfg, &http.Client{Transport: transport, Timeout: cfg.RequestTimeout}, retryPolicy)
	// A command (an access request) is sent again only when P0 cannot have
	// taken it (see untakenOnly).
	c.submitHTTP = c.retryingClient(cfg, &http.Client{Transport: transport, Timeout: cfg.RequestTimeout}, untakenOnly)
	// An answer streamed while a request waits for approval lasts as long
	// as the wait: only the caller's context bounds it.
	c.streamHTTP = c.retryingClient(cfg, &http.Client{Transport: transport}, untakenOnly)
	c.pollHTTP = c.retryingClient(cfg, &http.Client{Transport: transport}, retryPolicy)
	return c, nil
}

// retryingClient sends requests through httpClient, retrying as cfg and
// policy say.
func (c *Client) retryingClient(cfg Config, httpClient *http.Client, policy retryablehttp.CheckRetry) *retryablehttp.Client {
	return &retryablehttp.Client{
		HTTPClient:   httpClient,
		Logger:       nil, // requests are logged by roundTrip, without headers
		RetryWaitMin: cfg.RetryWaitMin,
		RetryWaitMax: cfg.RetryWaitMax,
		RetryMax:     cfg.MaxRetries,
		CheckRetry:   policy,
		Backoff:      backoff,
		// Hand the last response back instead of an opaque "giving up"
		// error, so that P0's status and message reach the user.
		ErrorHandler:   retryablehttp.PassthroughErrorHandler,
		RequestLogHook: c.logRetry,
	}
}

// VerifyTimeout is how long to wait for a verification that P0 keeps
// refusing, where the caller sets no bound of its own.
func (c *Client) VerifyTimeout() time.Duration { return c.verifyTimeout }

// Org is the organization the client acts for; "" for no client, before
// the provider is configured.
func (c *Client) Org() string {
	if c == nil {
		return ""
	}
	return c.org
}

// orgPath builds /o/{org}/seg1/seg2..., escaping every segment.
func (c *Client) orgPath(segments ...string) string {
	var b strings.Builder
	b.WriteString("/o/")
	b.WriteString(url.PathEscape(c.org))
	for _, s := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(s))
	}
	return b.String()
}

// do sends one request (retrying as configured), decodes a successful body
// into out when out is not nil, and turns error statuses into *APIError.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	data, err := c.send(ctx, method, path, in)
	if err != nil {
		return c.reportOnce(err)
	}
	return c.decodeAnswer(method, path, data, out, c.secrets(ctx)...)
}

// write is do for a request that changes the objects at paths (see
// sharedReads.writing).
func (c *Client) write(ctx context.Context, method, path string, in, out any, changes ...string) error {
	defer c.shared.writing(changes...)()
	return c.do(ctx, method, path, in, out)
}

// reportOnce hands an error to one caller. A refused API key is reported
// in full by the first caller it reaches, among those whose requests were
// in flight or shared one request; the others get CredentialsRefusedError,
// which refers to it.
func (c *Client) reportOnce(err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !refusesCredentials(apiErr.StatusCode) {
		return err
	}
	if c.refusalReported.CompareAndSwap(false, true) {
		return err
	}
	return &CredentialsRefusedError{First: c.refusal.Load()}
}

// sharedDecoded is a shared read of path (see sharedReads.decodedRead)
// whose body decode turns into a T, once per request.
func sharedDecoded[T any](ctx context.Context, c *Client, path string, decode func([]byte) (T, error)) (T, error) {
	var zero T
	decoded, err := c.shared.decodedRead(ctx, path, c.fetch(path), func(body []byte) (any, error) { return decode(body) })
	if err != nil {
		return zero, c.reportOnce(err)
	}
	value, ok := decoded.(T)
	if !ok {
		return zero, fmt.Errorf("%s %s: the shared answer was decoded as %T, not %T", http.MethodGet, path, decoded, zero)
	}
	return value, nil
}

// fetch is the request that a shared read of path sends.
func (c *Client) fetch(path string) func(context.Context) ([]byte, error) {
	return func(ctx context.Context) ([]byte, error) {
		return c.send(ctx, http.MethodGet, path, nil)
	}
}

// readShared is do for a GET whose answer may be shared with other reads
// of the same path during this Client's life (see sharedReads).
func (c *Client) readShared(ctx context.Context, path string, out any) error {
	data, shared, err := c.shared.read(ctx, path, c.fetch(path))
	if err != nil {
		return c.reportOnce(err)
	}
	if shared {
		c.logger.Debug(ctx, "P0 API read answered by an earlier request for the same object", map[string]any{"method": http.MethodGet, "path": path})
	}
	return c.decodeRead(path, data, out)
}

// decodeRead decodes P0's answer to GET path into out.
func (c *Client) decodeRead(path string, body []byte, out any) error {
	return c.decodeAnswer(http.MethodGet, path, body, out)
}

// decodeAnswer decodes P0's successful answer to method path into out.
// An error quotes none of secrets, nor the API token.
func (c *Client) decodeAnswer(method, path string, body []byte, out any, secrets ...string) error {
	if err := decodeBody(body, out, append(secrets, c.token)...); err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	return nil
}

// submit is do for a request that must not be made twice: it is sent
// again only when P0 cannot have taken it, and a failure after which P0
// may have taken it is an *UncertainSubmissionError.
func (c *Client) submit(ctx context.Context, method, path string, in, out any) error {
	data, err := c.sendThrough(ctx, c.submitHTTP, method, path, in)
	if err != nil {
		return c.reportOnce(uncertainUnlessRefused(err))
	}
	return c.decodeAnswer(method, path, data, out, c.secrets(ctx)...)
}

// send sends one request (retrying as configured) and returns the body of
// a successful answer; error statuses become *APIError.
func (c *Client) send(ctx context.Context, method, path string, in any) ([]byte, error) {
	return c.sendThrough(ctx, c.http, method, path, in)
}

// sendThrough is send through client.
func (c *Client) sendThrough(ctx context.Context, client *retryablehttp.Client, method, path string, in any) ([]byte, error) {
	resp, err := c.roundTrip(ctx, client, method, path, in)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := readBody(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	return data, nil
}

// openStream sends one request whose successful answer is read as it
// comes (see WaitForAccess): it returns the response, whose body the
// caller closes. Nothing bounds the answer but ctx.
func (c *Client) openStream(ctx context.Context, method, path string, in any) (*http.Response, error) {
	return c.roundTrip(ctx, c.streamHTTP, method, path, in)
}

// roundTrip sends one request through client (retrying as configured) and
// returns a successful response; an error status becomes *APIError, its
// body read and closed.
func (c *Client) roundTrip(ctx context.Context, client *retryablehttp.Client, method, path string, in any) (*http.Response, error) {
	if first := c.refusal.Load(); first != nil {
		return nil, &CredentialsRefusedError{First: first}
	}
	req, err := c.newRequest(ctx, method, path, in)
	if err != nil {
		return nil, err
	}

	attempts := 0
	ctx = withAttemptCounter(ctx, &attempts)
	start := time.Now()
	resp, err := client.Do(req.WithContext(ctx))
	duration := time.Since(start)
	if err != nil {
		c.logger.Warn(ctx, "P0 API request failed", map[string]any{
			"method": method, "path": path, "attempts": attempts, "duration_ms": duration.Milliseconds(), "error": err.Error(),
		})
		return nil, transportError(method, path, attempts, err)
	}
	c.logger.Debug(ctx, "P0 API request", map[string]any{
		"method": method, "path": path, "status": resp.StatusCode, "attempts": attempts, "duration_ms": duration.Milliseconds(),
	})
	if resp.StatusCode >= 200 && resp.StatusCode <= 299 {
		return resp, nil
	}

	defer resp.Body.Close()
	data, err := readBody(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	apiErr := &APIError{
		Method:     method,
		Path:       path,
		StatusCode: resp.StatusCode,
		Message:    quotedMessage(data, c.secrets(ctx)...),
		Attempts:   attempts,
	}
	if refusesCredentials(apiErr.StatusCode) {
		c.refusal.CompareAndSwap(nil, apiErr)
	}
	return nil, apiErr
}

func (c *Client) newRequest(ctx context.Context, method, path string, in any) (*retryablehttp.Request, error) {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return nil, fmt.Errorf("%s %s: encoding request: %w", method, path, err)
		}
	}
	// path's segments are already escaped; appending keeps them so.
	target := c.base.String() + path
	var reader any
	if body != nil {
		reader = bytes.NewReader(body)
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, target, reader)
	if err != nil {
		return nil, fmt.Errorf("%s %s: building request: %w", method, path, err)
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.userAgent != "" {
		req.Header.Set("User-Agent", c.userAgent)
	}
	return req, nil
}

// transportError explains a request that got no usable answer at all.
func transportError(method, path string, attempts int, err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		// url.Error repeats the full URL; the path is already in our text.
		err = urlErr.Err
	}
	switch {
	case isPlainHTTPAnswer(err):
		return fmt.Errorf("%s %s: the host answered this HTTPS request in plain HTTP, so it is not P0's API "+
			"(which only speaks HTTPS): check the provider's host setting; http:// is for a local mock on loopback: %w",
			method, path, err)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s %s: P0 did not answer in time (after %d attempts): %w", method, path, attempts, err)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s %s: cancelled: %w", method, path, err)
	}
	return fmt.Errorf("%s %s: no answer from P0 after %d attempts: %w", method, path, attempts, err)
}
