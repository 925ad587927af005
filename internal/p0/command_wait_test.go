package p0_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

var waitArgv = []string{"request", "aws", "role", "Deploy"}

// fastPolls makes a client open a poll again soon after it ended.
func fastPolls(c *p0.Config) {
	c.WaitPollMin = 10 * time.Millisecond
	c.WaitPollMax = 50 * time.Millisecond
}

// decideWhenSubmitted gives the first request the mock holds status, after
// delay once it is there, and returns when it did so.
func decideWhenSubmitted(t *testing.T, mock *p0mock.Server, delay time.Duration, status, message string) <-chan time.Time {
	t.Helper()
	decided := make(chan time.Time, 1)
	go func() {
		for range 500 {
			if ids := mock.AccessRequestIDs(); len(ids) > 0 {
				time.Sleep(delay) // the request waits a moment, as for a person
				mock.DecideAccessRequest(ids[0], status, message)
				decided <- time.Now()
				return
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	return decided
}

// pollEndpoint is the mock's endpoint of a wait's polls.
const pollEndpoint = "GET /o/{org}/command/{id}/poll"

// waitForms are the ways a P0 may answer a wait: today's (the submission
// answered at once, the decision streamed by the poll; the poll ending
// pending, or cut twice, first), and the earlier P0's (the submission
// itself streamed, or cut after its answer). decidedAfter is how long the
// approver takes: longer than a poll lasts where the poll ends pending.
// polls is how many polls the wait needs at least.
var waitForms = []struct {
	variant      string
	decidedAfter time.Duration
	polls        int
}{
	{"documented", 30 * time.Millisecond, 1},
	{"command-poll-ends-pending", 450 * time.Millisecond, 2},
	{"command-poll-drops", 30 * time.Millisecond, 3},
	{"command-wait-stream", 30 * time.Millisecond, 0},
	{"command-wait-drop", 30 * time.Millisecond, 1},
}

// TestWaitForAccess waits for requests decided every way, against every
// answer the mock can give to a wait: each ends as P0 decided, after
// exactly one submission, with the polls the form needs.
func TestWaitForAccess(t *testing.T) {
	for _, form := range waitForms {
		t.Run(form.variant, func(t *testing.T) {
			cases := []struct {
				status, message string
				refused         bool
			}{
				{"APPROVED", "", false},
				{"APPROVED_NOTIFIED", "", false},
				{"DONE_NOTIFIED", "", false},
				{"DENIED", "not during the freeze", true},
				{"DENIED_NOTIFIED", "not during the freeze", true},
				{"EXPIRED", "no approver answered in time", true},
				{"ERRORED_NOTIFIED", "the permission set does not exist", true},
				{"REVOKED", "", true},
			}
			for _, tc := range cases {
				t.Run(tc.status, func(t *testing.T) {
					t.Parallel()
					client, mock := newMockClient(t, fastPolls)
					behavior, err := p0mock.ParseVariants(form.variant)
					if err != nil {
						t.Fatal(err)
					}
					mock.SetBehavior(behavior)
					var submitted p0.CommandResult
					decided := decideWhenSubmitted(t, mock, form.decidedAfter, tc.status, tc.message)
					result, state, err := client.WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{
						Submitted: func(r p0.CommandResult) { submitted = r },
					})
					returned := time.Now()
					if n := len(mock.Commands()); n != 1 {
						t.Fatalf("%d submissions, want 1", n)
					}
					if submitted.ID == "" || result == nil || result.ID != submitted.ID {
						t.Fatalf("submitted %+v, result %+v", submitted, result)
					}
					var refused *p0.AccessRefusedError
					switch {
					case tc.refused && (!errors.As(err, &refused) || refused.State.Status != tc.status || refused.State.Reason() != tc.message || refused.ID != result.ID):
						t.Fatalf("err = %v, want the request %s: %s", err, tc.status, tc.message)
					case !tc.refused && (err != nil || state.Status != tc.status):
						t.Fatalf("state %+v, err %v; want %s", state, err, tc.status)
					}
					if polls := mock.Count(pollEndpoint); polls < form.polls || (form.polls == 0 && polls != 0) {
						t.Errorf("%d polls, want at least %d", polls, form.polls)
					}
					t.Logf("returned %s after the decision", returned.Sub(<-decided).Round(time.Millisecond))
				})
			}
		})
	}
}

// TestWaitForAccessReturnsSoonAfterApproval: the poll carries a decision
// to the client at once.
func TestWaitForAccessReturnsSoonAfterApproval(t *testing.T) {
	client, mock := newMockClient(t)
	decided := decideWhenSubmitted(t, mock, 200*time.Millisecond, "APPROVED", "")
	if _, _, err := client.WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{}); err != nil {
		t.Fatal(err)
	}
	after := time.Since(<-decided)
	t.Logf("the approval reached the client %s after it was given", after.Round(time.Microsecond))
	if after > 200*time.Millisecond {
		t.Errorf("the client returned %s after the approval; the poll carries it at once", after)
	}
	if n := mock.Count(pollEndpoint); n != 1 {
		t.Errorf("%d polls, want the one that carried the decision", n)
	}
}

// TestWaitForAccessAtOnce: access that pre-exists, or is persistent, needs
// no wait, and no poll.
func TestWaitForAccessAtOnce(t *testing.T) {
	client, mock := newMockClient(t)
	ctx := context.Background()
	if _, err := client.SubmitCommand(ctx, waitArgv); err != nil {
		t.Fatal(err)
	}
	for _, argv := range [][]string{waitArgv, {"request", "aws", "role", "Audit", "--persistent"}} {
		result, state, err := client.WaitForAccess(ctx, argv, p0.WaitObserver{})
		if err != nil || state == nil || (!result.IsPreexisting && !result.IsPersistent) {
			t.Fatalf("WaitForAccess(%q) = %+v, %+v, %v; want at once", argv, result, state, err)
		}
	}
	if n := len(mock.Commands()); n != 3 {
		t.Errorf("%d submissions, want 3", n)
	}
	if n := mock.Count(pollEndpoint); n != 0 {
		t.Errorf("%d polls of access that needs no wait", n)
	}
}

// TestWaitForAccessTimesOut: a request nobody decides is still pending when
// the wait ends, which says so with its id; progress was reported while
// waiting; it was submitted once, however it was followed.
func TestWaitForAccessTimesOut(t *testing.T) {
	for _, form := range waitForms {
		t.Run(form.variant, func(t *testing.T) {
			t.Parallel()
			client, mock := newMockClient(t, fastPolls)
			behavior, _ := p0mock.ParseVariants(form.variant)
			mock.SetBehavior(behavior)
			ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
			defer cancel()
			var mu sync.Mutex
			var waited []time.Duration
			_, _, err := client.WaitForAccess(ctx, waitArgv, p0.WaitObserver{ProgressEvery: 100 * time.Millisecond,
				Waiting: func(d time.Duration) { mu.Lock(); waited = append(waited, d); mu.Unlock() }})
			var pending *p0.AccessPendingError
			if !errors.As(err, &pending) || pending.ID != mock.AccessRequestIDs()[0] || !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("err = %v, want the request pending, with its id", err)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(waited) < 3 {
				t.Errorf("%d progress reports in 700 ms every 100 ms", len(waited))
			}
			if n := len(mock.Commands()); n != 1 {
				t.Errorf("%d submissions, want 1", n)
			}
		})
	}
}

// TestWaitForAccessReopensRefusedPolls: polls that P0 (or a proxy) answers
// 429 or 5xx, retries spent, are opened again until the decision comes;
// a poll P0 does not know (404), or one that reports an error, ends the
// wait with the request's id, which stays in P0.
func TestWaitForAccessReopensRefusedPolls(t *testing.T) {
	noRetries := func(c *p0.Config) { fastPolls(c); c.MaxRetries = 0 }
	t.Run("429 and 5xx", func(t *testing.T) {
		client, mock := newMockClient(t, noRetries)
		for _, status := range []int{http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusInternalServerError} {
			mock.FailNext(http.MethodGet, "/o/{org}/command/{id}/poll", status, "try later")
		}
		decideWhenSubmitted(t, mock, 100*time.Millisecond, "APPROVED", "")
		if _, state, err := client.WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{}); err != nil || state.Status != "APPROVED" {
			t.Fatalf("state %+v, err %v; want the approval", state, err)
		}
		if polls, submissions := mock.Count(pollEndpoint), len(mock.Commands()); polls != 5 || submissions != 1 {
			t.Errorf("%d polls and %d submissions, want 5 (4 refused) and 1", polls, submissions)
		}
	})
	for name, fail := range map[string]int{"unknown": http.StatusNotFound, "refused": http.StatusForbidden} {
		t.Run(name, func(t *testing.T) {
			client, mock := newMockClient(t, noRetries)
			mock.FailNext(http.MethodGet, "/o/{org}/command/{id}/poll", fail, "no such command")
			_, _, err := client.WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{})
			var failed *p0.AccessWaitError
			if !errors.As(err, &failed) || failed.ID != mock.AccessRequestIDs()[0] || !strings.Contains(err.Error(), "no such command") {
				t.Fatalf("err = %v, want the failed wait of the request, with its id and P0's message", err)
			}
			if polls, submissions := mock.Count(pollEndpoint), len(mock.Commands()); polls != 1 || submissions != 1 {
				t.Errorf("%d polls and %d submissions, want 1 and 1", polls, submissions)
			}
		})
	}
}

// chunkedServer answers POST /command with body, written in pieces of at
// most size bytes, flushed one by one: partial lines, several segments in
// one read, one segment across reads. The poll of request r1 finds it
// approved.
func chunkedServer(t *testing.T, body string, size int) *p0.Client {
	t.Helper()
	return newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/command/r1/poll") {
			_, _ = w.Write([]byte(`{"type":"heartbeat"}` + "\n" + `{"type":"data","data":{"request":{"status":"APPROVED"}}}` + "\n"))
			return
		}
		if r.Method != http.MethodPost {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/x-ndjson")
		for len(body) > 0 {
			n := min(size, len(body))
			_, _ = w.Write([]byte(body[:n]))
			http.NewResponseController(w).Flush()
			body = body[n:]
			time.Sleep(time.Millisecond)
		}
	}, 0)
}

// TestWaitForAccessParsesTheStream reads streams cut in every way into
// pieces, and streams that say something wrong.
func TestWaitForAccessParsesTheStream(t *testing.T) {
	first := `{"type":"data","data":{"ok":true,"message":"submitted","id":"r1","isPreexisting":false,"isPersistent":false}}`
	stream := `{"type":"heartbeat"}` + "\n" + first + "\n" + `{"type":"heartbeat"}` + "\n" +
		`{"type":"data","data":{"request":{"status":"PENDING_APPROVAL"}}}` + "\n" +
		`{"type":"data","data":{"request":{"status":"AWAITING_SECOND_APPROVER"}}}` + "\n" +
		`{"type":"data","data":{"request":{"status":"APPROVED_NOTIFIED"}}}`
	for _, size := range []int{1, 7, 50, len(stream)} {
		result, state, err := chunkedServer(t, stream, size).WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{})
		if err != nil || result.ID != "r1" || state.Status != "APPROVED_NOTIFIED" {
			t.Errorf("in pieces of %d: %+v, %+v, %v", size, result, state, err)
		}
	}
	// A plain answer, a stream cut in the middle of a segment, or one that
	// ends after the answer: the request is polled until decided.
	plain := `{"ok":true,"message":"submitted","id":"r1","isPreexisting":false,"isPersistent":false}`
	for _, cut := range []string{plain, first + "\n" + `{"type":"da`, first, first + "\n"} {
		_, state, err := chunkedServer(t, cut, 3).WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{})
		if err != nil || state.Status != "APPROVED" {
			t.Errorf("an answer %q: %+v, %v; want the request polled, approved", cut, state, err)
		}
	}

	cases := []struct {
		name, stream, want string
	}{
		{"error segment", `{"type":"heartbeat"}` + "\n" + first + "\n" + `{"type":"error","error":{"message":"approval service down"}}` + "\n",
			"approval service down"},
		{"error segment as text", first + "\n" + `{"type":"error","error":"no such role"}` + "\n", "no such role"},
		{"error in a data segment", first + "\n" + `{"type":"data","data":{"error":"the request was withdrawn"}}` + "\n", "the request was withdrawn"},
		{"unknown segment", first + "\n" + `{"type":"progress","data":{}}` + "\n", `a segment of unknown type "progress"`},
		{"not JSON", first + "\n" + `{"type": data}` + "\n", "invalid character"},
		{"cut before the id", `{"type":"heartbeat"}` + "\n", "P0's answer gave no request id"},
		{"no id", `{"type":"data","data":{"ok":true}}` + "\n", "gives no request id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := chunkedServer(t, tc.stream, 5).WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to say %q", err, tc.want)
			}
		})
	}
}

// TestCommandAnswersNeverShowTheToken has P0 (or a proxy before it) quote
// the API token, literally and with JSON escapes, in every text of a
// command's answer that reaches the user: the submission's message, a
// refusal's reason, an error segment, a malformed segment. None of them
// may show it.
func TestCommandAnswersNeverShowTheToken(t *testing.T) {
	escaped := `\u00` + fmt.Sprintf("%x", testToken[0]) + testToken[1:]
	for _, quoted := range []string{testToken, escaped} {
		submitted := `{"type":"data","data":{"ok":true,"message":"sent with Bearer ` + quoted + `","id":"r1"}}` + "\n"
		streams := map[string]string{
			"denied":        submitted + `{"type":"data","data":{"request":{"status":"DENIED","error":{"message":"token ` + quoted + ` is not an approver"}}}}` + "\n",
			"error segment": submitted + `{"type":"error","error":{"message":"Authorization: Bearer ` + quoted + `"}}` + "\n",
			"error text":    submitted + `{"type":"error","error":"Authorization: Bearer ` + quoted + `"}` + "\n",
			"no id":         `{"type":"data","data":{"ok":true,"message":"Bearer ` + quoted + `"}}` + "\n",
		}
		for name, stream := range streams {
			t.Run(name, func(t *testing.T) {
				var heard []string
				observe := p0.WaitObserver{Submitted: func(r p0.CommandResult) { heard = append(heard, r.Message) }}
				result, state, err := chunkedServer(t, stream, 9).WaitForAccess(context.Background(), waitArgv, observe)
				if err == nil {
					t.Fatalf("the wait succeeded: %+v %+v", result, state)
				}
				texts := append(heard, err.Error())
				if result != nil {
					texts = append(texts, result.Message)
				}
				if state != nil {
					texts = append(texts, state.Reason())
				}
				for _, text := range texts {
					if strings.Contains(text, testToken) {
						t.Errorf("shows the API token: %q", text)
					}
				}
				if !strings.Contains(strings.Join(texts, " "), "[redacted]") {
					t.Errorf("nothing says that something was hidden: %q", texts)
				}
			})
		}
		result, err := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte(`{"ok":true,"message":"sent with Bearer ` + quoted + `","id":"r2"}`))
		}, 0).SubmitCommand(context.Background(), waitArgv)
		if err != nil || strings.Contains(result.Message, testToken) || result.ID != "r2" {
			t.Errorf("SubmitCommand: %+v, %v; want the answer without the token", result, err)
		}
	}
}

// TestCommandsAreNeverSentTwice submits commands, with and without wait,
// to a P0 that fails in every way: a command is sent again only when P0
// cannot have taken it (429, 503, no connection), and a failure after
// which it may have is an *UncertainSubmissionError.
func TestCommandsAreNeverSentTwice(t *testing.T) {
	cases := []struct {
		name      string
		first     int // the status of the first answer; the next is 200
		sent      int
		uncertain bool
	}{
		{"bad gateway", http.StatusBadGateway, 1, true},
		{"gateway timeout", http.StatusGatewayTimeout, 1, true},
		{"server error", http.StatusInternalServerError, 1, true},
		{"unavailable", http.StatusServiceUnavailable, 2, false},
		{"refused", http.StatusBadRequest, 1, false},
		{"throttled", http.StatusTooManyRequests, 2, false},
	}
	submitters := map[string]func(*p0.Client) error{
		"submit": func(c *p0.Client) error { _, err := c.SubmitCommand(context.Background(), waitArgv); return err },
		"wait": func(c *p0.Client) error {
			_, _, err := c.WaitForAccess(context.Background(), waitArgv, p0.WaitObserver{})
			return err
		},
	}
	for how, submit := range submitters {
		for _, tc := range cases {
			t.Run(how+"/"+tc.name, func(t *testing.T) {
				var mu sync.Mutex
				sent := 0
				client := newServerClient(t, func(w http.ResponseWriter, r *http.Request) {
					mu.Lock()
					sent++
					n := sent
					mu.Unlock()
					if n == 1 {
						w.WriteHeader(tc.first)
						_, _ = w.Write([]byte(`{"error":"first answer"}`))
						return
					}
					_, _ = w.Write([]byte(`{"ok":true,"message":"a","id":"r1","isPreexisting":true}`))
				}, 3)
				err := submit(client)
				var uncertain *p0.UncertainSubmissionError
				if got := errors.As(err, &uncertain); got != tc.uncertain {
					t.Errorf("err = %v; uncertain %v, want %v", err, got, tc.uncertain)
				}
				if sent != tc.sent {
					t.Errorf("sent %d times, want %d", sent, tc.sent)
				}
			})
		}
	}
	t.Run("no connection", func(t *testing.T) {
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := listener.Addr().String()
		_ = listener.Close()
		client, err := p0.NewClient(p0.Config{Host: "http://" + addr, Org: testOrg, Token: testToken, MaxRetries: 2,
			RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond, UserAgent: "terraform-provider-p0/test"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = client.SubmitCommand(context.Background(), waitArgv)
		var uncertain *p0.UncertainSubmissionError
		if err == nil || errors.As(err, &uncertain) || !strings.Contains(err.Error(), "after 3 attempts") {
			t.Errorf("err = %v; want a plain failure after 3 attempts: nothing was sent, so it was sent again", err)
		}
	})
}
