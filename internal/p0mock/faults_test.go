package p0mock

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const ruleEndpoint = "POST /o/{org}/routing/name/{name}"

func TestThrottle(t *testing.T) {
	tests := []struct {
		retryAfter time.Duration
		want       string
	}{
		{0, "0"},
		{time.Nanosecond, "1"},
		{time.Second, "1"},
		{1500 * time.Millisecond, "2"},
		{time.Minute, "60"},
	}
	for _, tt := range tests {
		t.Run(tt.retryAfter.String(), func(t *testing.T) {
			h := newHarness(t)
			h.server.SetFaults(Faults{ThrottleRate: 1, RetryAfter: tt.retryAfter})
			rec := h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r"))
			expectError(t, rec, http.StatusTooManyRequests, "too many requests; retry after "+tt.want+" seconds")
			if got := rec.Header().Get("Retry-After"); got != tt.want {
				t.Errorf("Retry-After = %q, want %q", got, tt.want)
			}
			if _, found := h.server.RoutingRule("r"); found {
				t.Error("a throttled create was committed")
			}
			if log := h.server.Requests(); log[0].Fault != "throttle" || log[0].Status != http.StatusTooManyRequests {
				t.Errorf("logged %+v", log[0])
			}
		})
	}
}

func TestUnavailable(t *testing.T) {
	h := newHarness(t)
	h.server.SetFaults(Faults{UnavailableRate: 1})
	rec := h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r"))
	expectStatus(t, rec, http.StatusServiceUnavailable)
	if got := rec.Header().Get("Content-Type"); got != "text/html" {
		t.Errorf("Content-Type = %q, want text/html, as a proxy answers", got)
	}
	if got := rec.Body.String(); got != unavailablePage {
		t.Errorf("body = %q", got)
	}
	if _, found := h.server.RoutingRule("r"); found {
		t.Error("a create answered 503 was committed")
	}
	if fault := h.server.Requests()[0].Fault; fault != "unavailable" {
		t.Errorf("fault logged = %q", fault)
	}
}

func TestFaultsComeBeforeAuth(t *testing.T) {
	h := newHarness(t)
	h.server.SetFaults(Faults{ThrottleRate: 1})
	expectStatus(t, h.doWithHeader(http.MethodGet, orgPath+"/routing", "", http.Header{}), http.StatusTooManyRequests)
}

func TestFaultsOff(t *testing.T) {
	h := newHarness(t)
	h.server.SetFaults(Faults{ThrottleRate: 1, UnavailableRate: 1})
	h.server.SetFaults(Faults{})
	expectStatus(t, h.do(http.MethodGet, orgPath+"/routing", ""), http.StatusOK)
}

func TestSeedMakesFaultsRepeatable(t *testing.T) {
	h := newHarness(t)
	statuses := func() string {
		h.server.SetFaults(Faults{ThrottleRate: 0.3, UnavailableRate: 0.3, Seed: 42})
		var got strings.Builder
		for range 40 {
			got.WriteString(http.StatusText(h.do(http.MethodGet, orgPath+"/routing", "").Code)[:1])
		}
		return got.String()
	}
	first, second := statuses(), statuses()
	if first != second {
		t.Errorf("the same seed gave %s, then %s", first, second)
	}
	for _, initial := range []string{"O", "T", "S"} { // OK, Too Many Requests, Service Unavailable
		if !strings.Contains(first, initial) {
			t.Errorf("40 requests at these rates never answered %q...: %s", initial, first)
		}
	}
}

func TestFailNext(t *testing.T) {
	for _, pattern := range []string{"/o/{org}/routing/name/{name}", ruleEndpoint} {
		t.Run(pattern, func(t *testing.T) {
			h := newHarness(t)
			h.server.FailNext(http.MethodPost, pattern, http.StatusBadGateway, "upstream broke")

			expectStatus(t, h.do(http.MethodGet, rulePath("r"), ""), http.StatusNotFound) // another endpoint: unaffected
			expectError(t, h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r")), http.StatusBadGateway, "upstream broke")
			if _, found := h.server.RoutingRule("r"); found {
				t.Error("the failed create was committed")
			}
			expectStatus(t, h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r")), http.StatusOK)

			faults := []string{}
			for _, request := range h.server.Requests() {
				faults = append(faults, request.Fault)
			}
			if got := strings.Join(faults, ","); got != ",injected," {
				t.Errorf("faults logged = %q, want the second request only", got)
			}
		})
	}
}

func TestFailNextQueuesInOrder(t *testing.T) {
	h := newHarness(t)
	verify := "POST /o/{org}/integrations/aws/config/{component}/{id}/verify"
	h.server.FailNext(http.MethodPost, verify, http.StatusInternalServerError, "first")
	h.server.FailNext(http.MethodPost, verify, http.StatusConflict, "second")
	path := itemPath("iam-write", accountID) + "/verify"
	expectError(t, h.do(http.MethodPost, path, `{"state":"stage"}`), http.StatusInternalServerError, "first")
	expectError(t, h.do(http.MethodPost, path, `{"state":"stage"}`), http.StatusConflict, "second")
	expectError(t, h.do(http.MethodPost, path, `{"state":"stage"}`), http.StatusNotFound, "not found")
}

// noRetryClient makes each request on a new connection, so that the
// transport cannot silently retry a request whose connection was dropped.
func noRetryClient() *http.Client {
	return &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
}

func authorizedRequest(t *testing.T, method, url, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+testToken)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

func TestLostResponsesAreCommitted(t *testing.T) {
	s := New(testOrg, testToken)
	server := httptest.NewServer(s)
	t.Cleanup(server.Close)
	s.SetFaults(Faults{LoseResponseRate: 1})
	client := noRetryClient()

	resp, err := client.Do(authorizedRequest(t, http.MethodPost, server.URL+rulePath("r"), ruleJSON(t, "r")))
	if err == nil {
		_ = resp.Body.Close()
		t.Fatalf("the client got an answer (%d) that should have been lost", resp.StatusCode)
	}
	if _, found := s.RoutingRule("r"); !found {
		t.Error("the write whose answer was lost was not committed")
	}

	// Reads are never lost.
	resp, err = client.Do(authorizedRequest(t, http.MethodGet, server.URL+rulePath("r"), ""))
	if err != nil {
		t.Fatalf("a read was lost: %v", err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("read status = %d", resp.StatusCode)
	}

	log := s.Requests()
	if len(log) != 2 || log[0].Fault != "lost" || log[0].Status != http.StatusOK || log[1].Fault != "" {
		t.Errorf("log = %+v; want the create logged as lost with status 200, then the read", log)
	}
}

func TestLostResponseWithoutAConnectionAbortsTheHandler(t *testing.T) {
	h := newHarness(t)
	h.server.SetFaults(Faults{LoseResponseRate: 1})
	defer func() {
		if err, _ := recover().(error); !errors.Is(err, http.ErrAbortHandler) {
			t.Errorf("recovered %v, want http.ErrAbortHandler", err)
		}
		if _, found := h.server.RoutingRule("r"); !found {
			t.Error("the write was not committed")
		}
	}()
	h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r"))
	t.Error("the handler returned normally")
}

func TestLatency(t *testing.T) {
	h := newHarness(t)
	const latency = 40 * time.Millisecond
	h.server.SetFaults(Faults{Latency: latency})
	start := time.Now()
	expectStatus(t, h.do(http.MethodGet, orgPath+"/routing", ""), http.StatusOK)
	if elapsed := time.Since(start); elapsed < latency {
		t.Errorf("answered after %v, want at least %v", elapsed, latency)
	}
	if logged := h.server.Requests()[0].Duration; logged < latency {
		t.Errorf("logged duration %v, want at least %v", logged, latency)
	}
}

func TestLatencyRespectsCancellation(t *testing.T) {
	h := newHarness(t)
	h.server.SetFaults(Faults{Latency: time.Minute})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, rulePath("r"), strings.NewReader(ruleJSON(t, "r")))
	req.Header.Set("Authorization", "Bearer "+testToken)
	req.Header.Set("Content-Type", "application/json")

	start := time.Now()
	h.server.ServeHTTP(httptest.NewRecorder(), req)
	if elapsed := time.Since(start); elapsed > 10*time.Second {
		t.Errorf("a cancelled request waited %v", elapsed)
	}
	if _, found := h.server.RoutingRule("r"); found {
		t.Error("a request cancelled during the latency was committed")
	}
	if logged := h.server.Requests()[0]; logged.Status != 0 {
		t.Errorf("logged %+v, want status 0 for a request nobody answered", logged)
	}
}
