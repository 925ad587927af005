package p0

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// DefaultHost is P0's production API.
const DefaultHost = "https://api.p0.app"

// Defaults for the fields of Config left at their zero value.
const (
	DefaultMaxRetries     = 5
	DefaultRequestTimeout = 30 * time.Second
	DefaultRetryWaitMin   = 500 * time.Millisecond
	DefaultRetryWaitMax   = 30 * time.Second
	// A role created moments ago takes seconds, sometimes minutes, to be
	// usable by P0 (AWS IAM is eventually consistent).
	DefaultVerifyWaitMin = 2 * time.Second
	DefaultVerifyWaitMax = 20 * time.Second
	// DefaultVerifyTimeout bounds the wait for a verification that P0 keeps
	// refusing, where the caller sets no bound of its own: long enough for
	// IAM to propagate a new role, short enough that a role that is wrong,
	// or was never made, is reported while the user still watches.
	DefaultVerifyTimeout = 2 * time.Minute
	// DefaultCheckTimeout bounds CheckCredentials: a check that P0 does not
	// answer in time says so and lets the run go on, rather than hold up
	// every plan while P0 is slow.
	DefaultCheckTimeout = 10 * time.Second
	// The poll of an access request is opened again DefaultWaitPollMin
	// after it ends with the request pending; after a poll that broke off
	// or was refused for a while, the wait doubles, up to
	// DefaultWaitPollMax.
	DefaultWaitPollMin = 1 * time.Second
	DefaultWaitPollMax = 15 * time.Second
)

// Config says how to reach one P0 organization.
type Config struct {
	// Host is the API's base URL. A trailing slash is tolerated; http:// is
	// only accepted for loopback hosts.
	Host string
	// Org is the P0 organization id used in every path.
	Org string
	// Token is the API key, sent as a bearer token and never logged.
	Token string
	// UserAgent is sent with every request.
	UserAgent string
	// MaxRetries bounds how often one request is retried after throttling,
	// server errors and transport failures. Negative means none.
	MaxRetries int
	// RequestTimeout bounds each attempt of a request.
	RequestTimeout time.Duration
	// RetryWaitMin and RetryWaitMax bound the backoff between attempts
	// when the server sends no Retry-After.
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
	// VerifyWaitMin and VerifyWaitMax bound the backoff between attempts to
	// verify an AWS item that P0 refused (see VerifyAWSComponentWhenReady).
	VerifyWaitMin time.Duration
	VerifyWaitMax time.Duration
	// VerifyTimeout is how long a caller that sets no bound of its own
	// waits for a verification P0 keeps refusing (see VerifyTimeout).
	VerifyTimeout time.Duration
	// CheckTimeout bounds CheckCredentials, retries included.
	CheckTimeout time.Duration
	// WaitPollMin and WaitPollMax bound the backoff before the poll of an
	// access request is opened again (see WaitForAccess).
	WaitPollMin time.Duration
	WaitPollMax time.Duration
	// Logger receives one entry per request; nil discards them.
	Logger Logger
}

// withDefaults fills in the zero fields.
func (c Config) withDefaults() Config {
	if c.Host == "" {
		c.Host = DefaultHost
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = DefaultRequestTimeout
	}
	if c.RetryWaitMin <= 0 {
		c.RetryWaitMin = DefaultRetryWaitMin
	}
	if c.RetryWaitMax <= 0 {
		c.RetryWaitMax = DefaultRetryWaitMax
	}
	if c.RetryWaitMax < c.RetryWaitMin {
		c.RetryWaitMax = c.RetryWaitMin
	}
	if c.WaitPollMin <= 0 {
		c.WaitPollMin = DefaultWaitPollMin
	}
	if c.WaitPollMax < c.WaitPollMin {
		c.WaitPollMax = max(c.WaitPollMin, DefaultWaitPollMax)
	}
	if c.CheckTimeout <= 0 {
		c.CheckTimeout = DefaultCheckTimeout
	}
	if c.VerifyTimeout <= 0 {
		c.VerifyTimeout = DefaultVerifyTimeout
	}
	if c.VerifyWaitMin <= 0 {
		c.VerifyWaitMin = DefaultVerifyWaitMin
	}
	if c.VerifyWaitMax < c.VerifyWaitMin {
		c.VerifyWaitMax = max(c.VerifyWaitMin, DefaultVerifyWaitMax)
	}
	if c.MaxRetries < 0 {
		c.MaxRetries = 0
	}
	if c.Logger == nil {
		c.Logger = discardLogger{}
	}
	return c
}

// validate reports the first missing or unusable setting.
func (c Config) validate() error {
	if strings.TrimSpace(c.Org) == "" {
		return errors.New("the P0 organization id is empty")
	}
	if strings.TrimSpace(c.Token) == "" {
		return errors.New("the P0 API token is empty")
	}
	return nil
}

// ParseHost normalises a host setting into a base URL: it tolerates a
// trailing slash, requires https, and accepts plain http only for loopback
// hosts, where no token can leave the machine unencrypted.
func ParseHost(host string) (*url.URL, error) {
	trimmed := strings.TrimSpace(host)
	if trimmed != "" && !strings.Contains(trimmed, "://") {
		return nil, fmt.Errorf("host %q lacks the scheme: write it as %q", host, "https://"+trimmed)
	}
	u, err := url.Parse(trimmed)
	if err != nil {
		return nil, fmt.Errorf("host %q is not a URL: %w", host, err)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("host %q has no host name; write it as https://api.p0.app", host)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("host %q must be a plain base URL without credentials, query or fragment", redactUserinfo(u))
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !IsLoopback(u.Hostname()) {
			return nil, fmt.Errorf("host %q uses http:// to a non-loopback host; use https:// (plain http is only accepted for 127.0.0.0/8, localhost and [::1])", host)
		}
	default:
		return nil, fmt.Errorf("host %q must start with https://", host)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// IsLoopback reports whether a host name is localhost or a loopback address.
func IsLoopback(hostname string) bool {
	if strings.EqualFold(hostname, "localhost") {
		return true
	}
	ip := net.ParseIP(hostname)
	return ip != nil && ip.IsLoopback()
}

// redactUserinfo hides credentials embedded in a URL before it is quoted.
func redactUserinfo(u *url.URL) string {
	c := *u
	if c.User != nil {
		c.User = url.User("REDACTED")
	}
	return c.String()
}
