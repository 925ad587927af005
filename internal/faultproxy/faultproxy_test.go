package faultproxy

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// upstream counts the requests that reach it and answers 200.
type upstream struct{ reached atomic.Int32 }

func (u *upstream) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	u.reached.Add(1)
	_, _ = io.WriteString(w, `{"ok":true}`)
}

func start(t *testing.T) (*Proxy, *upstream, string) {
	t.Helper()
	next := &upstream{}
	proxy := New(next)
	server := httptest.NewServer(proxy)
	t.Cleanup(server.Close)
	return proxy, next, server.URL
}

func TestFailNextAnswersInsteadOfUpstream(t *testing.T) {
	proxy, next, url := start(t)
	proxy.FailNext(http.MethodPut, "/items/", 1, http.StatusConflict, "taken")
	var statuses []int
	for range 3 {
		req, _ := http.NewRequest(http.MethodPut, url+"/items/a", strings.NewReader("{}"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		statuses = append(statuses, resp.StatusCode)
		resp.Body.Close()
	}
	if statuses[0] != 200 || statuses[1] != http.StatusConflict || statuses[2] != 200 || next.reached.Load() != 2 {
		t.Fatalf("statuses %v, %d reached upstream; want the second (after one skipped) answered 409 by the proxy", statuses, next.reached.Load())
	}
	if proxy.Pending() != 0 {
		t.Fatalf("%d planned faults left", proxy.Pending())
	}
}

func TestLoseNextCommitsThenDrops(t *testing.T) {
	proxy, next, url := start(t)
	proxy.LoseNext(http.MethodPost, "/items$")
	if _, err := http.Post(url+"/items", "application/json", strings.NewReader("{}")); err == nil {
		t.Fatal("the lost answer arrived")
	}
	if next.reached.Load() != 1 || len(proxy.LostExchanges()) != 1 {
		t.Fatalf("%d reached upstream, %d lost; want the request committed and its answer lost", next.reached.Load(), len(proxy.LostExchanges()))
	}
}

func TestReportCountsRetriesAndWaits(t *testing.T) {
	proxy, _, url := start(t)
	proxy.AnswerNext(http.MethodGet, "/items$", 0, http.StatusTooManyRequests, "application/json", []byte(`{}`))
	for range 2 {
		resp, err := http.Get(url + "/items")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		time.Sleep(20 * time.Millisecond)
	}
	report := proxy.Report()
	if report.Requests != 2 || report.Throttled != 1 || report.Retries != 1 || report.Unretried != 0 || len(report.Waits) != 1 || report.Waits[0].Wait < 20*time.Millisecond {
		t.Fatalf("report = %+v; want one throttled request retried after about 20ms", report)
	}
	proxy.SharedReads = []string{"GET /items"}
	if waits := proxy.Report().Waits; len(waits) != 0 {
		t.Fatalf("a shared read's wait was reported: %v", waits)
	}
}
