package p0_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

const (
	testOrg   = "unit-org"
	testToken = "unit-token-5b7e"
)

// newMockClient starts a mock and returns a client for it with short retry
// waits.
func newMockClient(t testing.TB, tune ...func(*p0.Config)) (*p0.Client, *p0mock.Server) {
	t.Helper()
	mock := p0mock.New(testOrg, testToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting mock: %v", err)
	}
	t.Cleanup(func() { _ = mock.Close() })
	cfg := p0.Config{Host: url + "/", Org: testOrg, Token: testToken, MaxRetries: 3,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 10 * time.Millisecond, UserAgent: "terraform-provider-p0/test"}
	for _, f := range tune {
		f(&cfg)
	}
	client, err := p0.NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return client, mock
}

// newServerClient returns a client for a hand-written handler, for answers
// the mock never gives.
func newServerClient(t *testing.T, handler http.HandlerFunc, maxRetries int, tune ...func(*p0.Config)) *p0.Client {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	cfg := p0.Config{Host: srv.URL, Org: testOrg, Token: testToken, MaxRetries: maxRetries,
		RetryWaitMin: time.Millisecond, RetryWaitMax: 5 * time.Millisecond, UserAgent: "terraform-provider-p0/test"}
	for _, f := range tune {
		f(&cfg)
	}
	client, err := p0.NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return client
}

func apiError(t *testing.T, err error) *p0.APIError {
	t.Helper()
	var apiErr *p0.APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("error %v (%T) is not an *APIError", err, err)
	}
	return apiErr
}

func TestNewClientValidatesConfig(t *testing.T) {
	cases := map[string]struct {
		cfg  p0.Config
		want string
	}{
		"no org":            {p0.Config{Token: "t"}, "organization id is empty"},
		"no token":          {p0.Config{Org: "o"}, "API token is empty"},
		"http not loopback": {p0.Config{Org: "o", Token: "t", Host: "http://api.example.com"}, "non-loopback"},
		"ftp":               {p0.Config{Org: "o", Token: "t", Host: "ftp://127.0.0.1"}, "must start with https://"},
		"no host name":      {p0.Config{Org: "o", Token: "t", Host: "https://"}, "no host name"},
		"credentials":       {p0.Config{Org: "o", Token: "t", Host: "https://user:secret@api.p0.app"}, "without credentials"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := p0.NewClient(tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("NewClient error = %v, want it to contain %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Fatalf("error quotes credentials: %v", err)
			}
		})
	}
}

func TestParseHost(t *testing.T) {
	cases := map[string]string{
		"https://api.p0.app":          "https://api.p0.app",
		"https://api.p0.app/":         "https://api.p0.app",
		"https://proxy.example/p0//":  "https://proxy.example/p0",
		"http://127.0.0.1:8080/":      "http://127.0.0.1:8080",
		"http://127.8.9.10":           "http://127.8.9.10",
		"http://localhost:1234":       "http://localhost:1234",
		"http://[::1]:1234/":          "http://[::1]:1234",
		" https://api.p0.app/ ":       "https://api.p0.app",
		"HTTPS://API.P0.APP/":         "https://API.P0.APP",
		"https://api.p0.app:8443/v1/": "https://api.p0.app:8443/v1",
	}
	for in, want := range cases {
		u, err := p0.ParseHost(in)
		if err != nil {
			t.Errorf("ParseHost(%q) error %v", in, err)
			continue
		}
		if u.String() != want {
			t.Errorf("ParseHost(%q) = %q, want %q", in, u.String(), want)
		}
	}
	for _, bad := range []string{"http://10.0.0.1", "http://api.p0.app", "http://128.0.0.1", "api.p0.app", "https://api.p0.app/?x=1"} {
		if _, err := p0.ParseHost(bad); err == nil {
			t.Errorf("ParseHost(%q) accepted a host it must refuse", bad)
		}
	}
	// A host name alone says what to write instead.
	for bad, want := range map[string]string{
		"api.p0.app":      `host "api.p0.app" lacks the scheme: write it as "https://api.p0.app"`,
		"api.p0.app:8443": `write it as "https://api.p0.app:8443"`,
	} {
		if _, err := p0.ParseHost(bad); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseHost(%q) = %v, want an error containing %q", bad, err, want)
		}
	}
}

func TestRequestHeadersAndPaths(t *testing.T) {
	var got http.Header
	var path string
	client := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		path = r.URL.EscapedPath()
		_, _ = w.Write([]byte(`{"name":"a/b c"}`))
	}, 0)
	if _, err := client.GetRoutingRule(context.Background(), "a/b c"); err != nil {
		t.Fatal(err)
	}
	if want := "Bearer " + testToken; got.Get("Authorization") != want {
		t.Errorf("Authorization = %q, want the bearer token", got.Get("Authorization"))
	}
	if ua := got.Get("User-Agent"); ua != "terraform-provider-p0/test" {
		t.Errorf("User-Agent = %q", ua)
	}
	if want := "/o/unit-org/routing/name/a%2Fb%20c"; path != want {
		t.Errorf("path = %q, want %q (every segment escaped)", path, want)
	}
}

func TestErrorClasses(t *testing.T) {
	ctx := context.Background()

	t.Run("404 is ErrNotFound", func(t *testing.T) {
		client, _ := newMockClient(t)
		_, err := client.GetRoutingRule(ctx, "missing")
		if !errors.Is(err, p0.ErrNotFound) {
			t.Fatalf("err = %v, want ErrNotFound", err)
		}
		if e := apiError(t, err); e.StatusCode != 404 || e.Message == "" {
			t.Fatalf("APIError = %+v, want status 404 and P0's message", e)
		}
	})

	t.Run("409 is ErrConflict", func(t *testing.T) {
		client, _ := newMockClient(t)
		rule := p0.RoutingRule{Name: "dup", Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "auto"}}}
		if _, err := client.CreateRoutingRule(ctx, rule); err != nil {
			t.Fatal(err)
		}
		_, err := client.CreateRoutingRule(ctx, rule)
		if !errors.Is(err, p0.ErrConflict) || errors.Is(err, p0.ErrNotFound) {
			t.Fatalf("err = %v, want ErrConflict only", err)
		}
	})

	t.Run("401 with a wrong token never shows a token", func(t *testing.T) {
		client, mock := newMockClient(t, func(c *p0.Config) { c.Token = "wrong-token-123" })
		_, err := client.GetWorkflow(ctx)
		if e := apiError(t, err); e.StatusCode != 401 {
			t.Fatalf("status = %d, want 401", e.StatusCode)
		}
		if strings.Contains(err.Error(), "wrong-token-123") || strings.Contains(err.Error(), mock.Token()) {
			t.Fatalf("error shows a token: %v", err)
		}
	})

	t.Run("403 for another organization", func(t *testing.T) {
		client, _ := newMockClient(t, func(c *p0.Config) { c.Org = "someone-else" })
		if e := apiError(t, func() error { _, err := client.GetWorkflow(ctx); return err }()); e.StatusCode != 403 {
			t.Fatalf("status = %d, want 403", e.StatusCode)
		}
	})

	t.Run("400 carries P0's message", func(t *testing.T) {
		client, _ := newMockClient(t)
		_, err := client.CreateRoutingRule(ctx, p0.RoutingRule{Name: "bad", Requestor: p0.RuleRequestor{Type: "user"}, Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "auto"}}})
		e := apiError(t, err)
		if e.StatusCode != 400 || !strings.Contains(e.Message, "requestor.uid") {
			t.Fatalf("APIError = %+v, want 400 naming requestor.uid", e)
		}
	})

	t.Run("non-JSON error body keeps status and excerpt", func(t *testing.T) {
		client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html>\n  <body><h1>502 Bad Gateway</h1>\n" + strings.Repeat("x", 5000) + "</body></html>"))
		}, 0)
		_, err := client.GetWorkflow(ctx)
		e := apiError(t, err)
		if e.StatusCode != 502 || !strings.Contains(e.Message, "502 Bad Gateway") {
			t.Fatalf("APIError = %+v, want 502 with an excerpt of the page", e)
		}
		if len(e.Message) > 400 {
			t.Fatalf("excerpt is %d bytes long; it must stay short", len(e.Message))
		}
	})

	t.Run("writes may answer with an empty body", func(t *testing.T) {
		client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }, 0)
		if err := client.VerifyAWSComponent(ctx, p0.ComponentInventory, "123456789012"); err != nil {
			t.Fatalf("verify answered 204: %v", err)
		}
		if err := client.DeleteRoutingRule(ctx, "x"); err != nil {
			t.Fatalf("delete answered 204: %v", err)
		}
	})

	t.Run("a body echoing the token is quoted without it", func(t *testing.T) {
		echo := func(status int) http.HandlerFunc {
			return func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(status)
				_, _ = w.Write([]byte("<html><h1>Request rejected</h1><pre>Authorization: " + r.Header.Get("Authorization") + "</pre></html>"))
			}
		}
		for _, status := range []int{http.StatusBadRequest, http.StatusOK} {
			_, err := newServerClient(t, echo(status), 0).GetRoutingRule(ctx, "x")
			if err == nil || strings.Contains(err.Error(), testToken) || !strings.Contains(err.Error(), "Bearer [redacted]") {
				t.Errorf("status %d: error %v; want the echoed header with the token redacted", status, err)
			}
		}
	})

	t.Run("malformed success body", func(t *testing.T) {
		for name, body := range map[string]string{
			"truncated":     `{"name":"x","requestor":{`,
			"not an object": `[{"name":"x"}]`,
			"wrong types":   `{"name": 42}`,
			"html":          `<html>oops</html>`,
			"empty":         ``,
			"null":          `null`,
			"huge":          `{"name":"` + strings.Repeat("x", 9<<20) + `"}`,
		} {
			client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }, 0)
			_, err := client.GetRoutingRule(ctx, "x")
			if !errors.Is(err, p0.ErrMalformedResponse) {
				t.Errorf("%s: err = %v, want ErrMalformedResponse", name, err)
			}
		}
	})
}

func TestRetries(t *testing.T) {
	ctx := context.Background()

	t.Run("429 then success", func(t *testing.T) {
		var calls atomic.Int32
		client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
			if calls.Add(1) == 1 {
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			_, _ = w.Write([]byte(`{"id":"v1","rules":[]}`))
		}, 3)
		wf, err := client.GetWorkflow(ctx)
		if err != nil || wf.ID != "v1" || calls.Load() != 2 {
			t.Fatalf("GetWorkflow = %+v, %v after %d calls; want success on the second", wf, err, calls.Load())
		}
	})

	t.Run("Retry-After is honoured", func(t *testing.T) {
		var calls atomic.Int32
		var gap time.Duration
		var first time.Time
		client := newServerClient(t, func(w http.ResponseWriter, _ *http.Request) {
			if calls.Add(1) == 1 {
				first = time.Now()
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			gap = time.Since(first)
			_, _ = w.Write([]byte(`{"id":"v1","rules":[]}`))
		}, 3)
		if _, err := client.GetWorkflow(ctx); err != nil {
			t.Fatal(err)
		}
		// The client's own backoff is at most 5ms here, so only the header
		// explains a wait of a second.
		if gap < time.Second || gap > 3*time.Second {
			t.Fatalf("retry came %v after the 429 with Retry-After: 1", gap)
		}
	})

	t.Run("400 is not retried", func(t *testing.T) {
		client, mock := newMockClient(t)
		_, err := client.CreateRoutingRule(ctx, p0.RoutingRule{Name: "bad", Requestor: p0.RuleRequestor{Type: "nobody"}})
		if e := apiError(t, err); e.StatusCode != 400 || e.Attempts != 1 {
			t.Fatalf("APIError = %+v, want one attempt", e)
		}
		if n := mock.Count("POST /o/{org}/routing/name/{name}"); n != 1 {
			t.Fatalf("P0 saw %d requests, want 1", n)
		}
	})

	t.Run("503 storm ends after max_retries", func(t *testing.T) {
		client, mock := newMockClient(t, func(c *p0.Config) { c.MaxRetries = 2 })
		mock.SetFaults(p0mock.Faults{UnavailableRate: 1})
		_, err := client.GetWorkflow(ctx)
		e := apiError(t, err)
		if e.StatusCode != 503 || e.Attempts != 3 || !e.Retryable() {
			t.Fatalf("APIError = %+v, want 503 after 3 attempts", e)
		}
		if !strings.Contains(err.Error(), "after 3 attempts") {
			t.Fatalf("error %q does not say how often it tried", err)
		}
		if n := len(mock.Requests()); n != 3 {
			t.Fatalf("P0 saw %d requests, want 3", n)
		}
	})

	t.Run("dropped connections are retried", func(t *testing.T) {
		client, mock := newMockClient(t, func(c *p0.Config) { c.MaxRetries = 1 })
		mock.SetFaults(p0mock.Faults{LoseResponseRate: 1})
		rule := p0.RoutingRule{Name: "lost", Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "auto"}}}
		_, err := client.CreateRoutingRule(ctx, rule)
		if err == nil || !strings.Contains(err.Error(), "after 2 attempts") {
			t.Fatalf("err = %v, want a transport error after 2 attempts", err)
		}
		if _, ok := mock.RoutingRule("lost"); !ok {
			t.Fatal("the lost write was not committed by the mock")
		}
	})

	t.Run("timeout per request", func(t *testing.T) {
		client, mock := newMockClient(t, func(c *p0.Config) { c.MaxRetries = 0; c.RequestTimeout = 50 * time.Millisecond })
		mock.SetFaults(p0mock.Faults{Latency: 2 * time.Second})
		start := time.Now()
		_, err := client.GetWorkflow(ctx)
		if err == nil || time.Since(start) > time.Second {
			t.Fatalf("err = %v after %v, want a quick timeout", err, time.Since(start))
		}
	})
}

// TestCredentialsRefusedOncePerClient refuses the API key: the first
// answer is reported in full, and the requests after it, in sequence or in
// parallel, are not sent and refer to it.
func TestCredentialsRefusedOncePerClient(t *testing.T) {
	ctx := context.Background()
	reads := map[string]func(*p0.Client, string) error{
		"each rule":         func(c *p0.Client, name string) error { _, err := c.GetRoutingRule(ctx, name); return err },
		"shared (workflow)": func(c *p0.Client, name string) error { _, err := c.RoutingRuleFromWorkflow(ctx, name); return err },
	}
	for _, tune := range map[string]func(*p0.Config){
		"401": func(c *p0.Config) { c.Token = "wrong-token-123" },
		"403": func(c *p0.Config) { c.Org = "someone-else" },
	} {
		for _, read := range reads {
			credentialsRefusedOnce(t, ctx, tune, read)
		}
	}
}

func credentialsRefusedOnce(t *testing.T, ctx context.Context, tune func(*p0.Config), read func(*p0.Client, string) error) {
	t.Helper()
	{
		client, mock := newMockClient(t, tune)
		errs := make(chan error, 20)
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- read(client, fmt.Sprintf("rule-%d", i))
			}()
		}
		wg.Wait()
		close(errs)
		full, short := 0, 0
		for err := range errs {
			var apiErr *p0.APIError
			switch {
			case errors.As(err, &apiErr):
				full++
			case errors.Is(err, p0.ErrCredentialsRefused) && strings.Contains(err.Error(), "refused the API key earlier"):
				short++
			default:
				t.Fatalf("unexpected error %v", err)
			}
		}
		if full != 1 || short != 19 {
			t.Fatalf("%d full refusals and %d short ones, want 1 and 19", full, short)
		}
		sent := len(mock.Requests())
		if _, err := client.GetWorkflow(ctx); !errors.Is(err, p0.ErrCredentialsRefused) || len(mock.Requests()) != sent {
			t.Fatalf("a request after the refusal: %v, sent %t; want it refused without being sent", err, len(mock.Requests()) != sent)
		}
	}
}

// TestPlainHTTPAnswerIsNotRetried points an https:// host at a plain HTTP
// server: one attempt, and an error that says what is wrong.
func TestPlainHTTPAnswerIsNotRetried(t *testing.T) {
	var connections atomic.Int32
	server := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{}`))
	}))
	server.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			connections.Add(1)
		}
	}
	server.Start()
	t.Cleanup(server.Close)
	client, err := p0.NewClient(p0.Config{Host: strings.Replace(server.URL, "http://", "https://", 1), Org: testOrg, Token: testToken,
		MaxRetries: 5, RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.GetWorkflow(context.Background())
	if err == nil || !strings.Contains(err.Error(), "answered this HTTPS request in plain HTTP") || !strings.Contains(err.Error(), "host setting") {
		t.Fatalf("err = %v; want one that says the host answered in plain HTTP", err)
	}
	if n := connections.Load(); n != 1 {
		t.Fatalf("%d attempts reached the server, want 1: a plain HTTP answer is not retried", n)
	}
}
