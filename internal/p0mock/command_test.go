package p0mock

import (
	"bufio"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const commandPath = orgPath + "/command"

func TestCommandValidation(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantError string
	}{
		{"other script", `{"argv":["request","aws"],"scriptName":"sh"}`, `scriptName must be "p0"; got "sh"`},
		{"no script", `{"argv":["request","aws"]}`, `scriptName must be "p0"; got ""`},
		{"empty argv", `{"argv":[],"scriptName":"p0"}`, "argv must not be empty"},
		{"no argv", `{"scriptName":"p0"}`, "argv must not be empty"},
		{"unknown command", `{"argv":["delete","aws"],"scriptName":"p0"}`, `unknown command "delete"; expected one of request, grant, allow`},
		{"argv not strings", `{"argv":[1],"scriptName":"p0"}`, "must be a string"},
		{"unknown field", `{"args":["request"],"scriptName":"p0"}`, `unknown field "args"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			expectError(t, h.do(http.MethodPost, commandPath, tt.body), http.StatusBadRequest, tt.wantError)
			if commands := h.server.Commands(); len(commands) != 0 {
				t.Errorf("a refused command was recorded: %v", commands)
			}
		})
	}
}

func TestCommandSubmission(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name            string
		argv            []string
		wantPreexisting bool
		wantPersistent  bool
	}{
		{"first request", []string{"request", "aws", "permission-set", "BucketList", "--reason", "deploy"}, false, false},
		{"same request, other reason", []string{"request", "aws", "permission-set", "BucketList", "--reason", "again"}, true, false},
		{"same request, reason with =", []string{"request", "aws", "permission-set", "BucketList", "--reason=third"}, true, false},
		{"same request, no reason", []string{"request", "aws", "permission-set", "BucketList"}, true, false},
		{"other resource", []string{"request", "aws", "permission-set", "Admin", "--reason", "deploy"}, false, false},
		{"persistent grant", []string{"grant", "aws", "role", "x", "--persistent"}, false, true},
		{"allow", []string{"allow", "ssh", "host"}, false, false},
	}
	ids := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := h.do(http.MethodPost, commandPath, mustJSON(t, p0.CommandRequest{Argv: tt.argv, ScriptName: "p0"}))
			expectStatus(t, rec, http.StatusOK)
			result := decodeBody[p0.CommandResult](t, rec)
			if !result.OK || result.ID == "" || ids[result.ID] {
				t.Errorf("result = %+v; want ok with a new id", result)
			}
			ids[result.ID] = true
			if result.Message != "Access request "+result.ID+" submitted" {
				t.Errorf("message = %q", result.Message)
			}
			if result.IsPreexisting != tt.wantPreexisting || result.IsPersistent != tt.wantPersistent {
				t.Errorf("isPreexisting=%v isPersistent=%v, want %v %v", result.IsPreexisting, result.IsPersistent, tt.wantPreexisting, tt.wantPersistent)
			}
		})
	}
	commands := h.server.Commands()
	if len(commands) != len(tests) {
		t.Fatalf("%d commands recorded, want %d", len(commands), len(tests))
	}
	for i, tt := range tests {
		if want := (p0.CommandRequest{Argv: tt.argv, ScriptName: "p0"}); !reflect.DeepEqual(commands[i], want) {
			t.Errorf("command %d = %+v, want %+v", i, commands[i], want)
		}
	}
}

func TestRequestKey(t *testing.T) {
	same := [][]string{
		{"request", "x", "--reason", "a"},
		{"request", "x", "--reason=b"},
		{"request", "x"},
		{"request", "--reason", "c", "x"},
	}
	for _, argv := range same {
		if requestKey(argv) != requestKey(same[0]) {
			t.Errorf("requestKey(%q) differs from requestKey(%q)", argv, same[0])
		}
	}
	// Argument boundaries matter: "a b" is not "a", "b".
	if requestKey([]string{"request", "a b"}) == requestKey([]string{"request", "a", "b"}) {
		t.Error("requestKey joins arguments ambiguously")
	}
}

// streamOpener sends requests to a server on loopback and reads their
// answers line by line.
type streamOpener struct {
	server *Server
	url    string
}

func newStreamOpener(t *testing.T, behavior Behavior) streamOpener {
	t.Helper()
	server := New(testOrg, testToken)
	server.SetBehavior(behavior)
	url, err := server.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = server.Close() })
	return streamOpener{server, url}
}

// open sends method path with body, and returns the answer's status and
// its reader.
func (o streamOpener) open(t *testing.T, method, path, body string) (int, *bufio.Reader) {
	t.Helper()
	req, _ := http.NewRequest(method, o.url+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+testToken)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = resp.Body.Close() })
	return resp.StatusCode, bufio.NewReader(resp.Body)
}

// nextLine reads one line of a stream.
func nextLine(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the stream: %v (read %q)", err, line)
	}
	return strings.TrimSpace(line)
}

// untilNot reads heartbeats until another line, which it returns.
func untilNot(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	line := nextLine(t, r)
	for line == heartbeatLine {
		line = nextLine(t, r)
	}
	return line
}

const (
	waitBody      = `{"argv":["request","aws","role","Deploy"],"scriptName":"p0","wait":true}`
	answer        = `{"data":{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false},"type":"data"}`
	pollPath      = commandPath + "/req-000002/poll"
	heartbeatLine = `{"type":"heartbeat"}`
)

// TestCommandWait sends commands with "wait" as today's P0 takes them: the
// answer is the usual one at once, and the poll of the request streams
// heartbeats while it is pending, then its state once decided (by a test,
// or by ApproveAfter), and ends; a poll can end with the request pending,
// or be cut, as the variants say.
func TestCommandWait(t *testing.T) {
	t.Run("answered at once", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{})
		status, r := o.open(t, http.MethodPost, commandPath, waitBody)
		all, err := io.ReadAll(r)
		if status != http.StatusOK || err != nil || strings.Contains(string(all), `"type"`) || !strings.Contains(string(all), `"id":"req-000002"`) {
			t.Errorf("the answer was %d %q, %v", status, all, err)
		}
	})
	t.Run("poll decided by a test", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{})
		o.open(t, http.MethodPost, commandPath, waitBody)
		_, poll := o.open(t, http.MethodGet, pollPath, "")
		if got := nextLine(t, poll); got != heartbeatLine {
			t.Fatalf("the poll began %q, want a heartbeat", got)
		}
		if got := nextLine(t, poll); got != heartbeatLine {
			t.Fatalf("a pending request's poll gave %q, want a heartbeat", got)
		}
		o.server.DecideAccessRequest("req-000002", "DENIED_NOTIFIED", "not during the freeze")
		if got := untilNot(t, poll); got != `{"data":{"id":"req-000002","request":{"error":{"message":"not during the freeze"},"status":"DENIED_NOTIFIED"}},"type":"data"}` {
			t.Fatalf("the poll gave %q, want the decision", got)
		}
		if _, err := poll.ReadString('\n'); err != io.EOF {
			t.Errorf("the poll goes on after the decision: %v", err)
		}
	})
	t.Run("approved after a delay", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{ApproveAfter: 50 * time.Millisecond})
		o.open(t, http.MethodPost, commandPath, waitBody)
		_, poll := o.open(t, http.MethodGet, pollPath, "")
		if got := untilNot(t, poll); got != `{"data":{"id":"req-000002","request":{"status":"APPROVED"}},"type":"data"}` {
			t.Errorf("the poll ended with %q, want the approval", got)
		}
	})
	t.Run("poll ends pending", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{PollEndsAfter: 50 * time.Millisecond})
		o.open(t, http.MethodPost, commandPath, waitBody)
		_, poll := o.open(t, http.MethodGet, pollPath, "")
		if got := untilNot(t, poll); got != `{"data":{"id":"req-000002","request":{"status":"PENDING_APPROVAL"}},"type":"data"}` {
			t.Errorf("the poll ended with %q, want the request pending", got)
		}
		if _, err := poll.ReadString('\n'); err != io.EOF {
			t.Errorf("the poll goes on after its end: %v", err)
		}
	})
	t.Run("polls dropped", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{PollDrops: 2, ApproveAfter: 50 * time.Millisecond})
		o.open(t, http.MethodPost, commandPath, waitBody)
		for range 2 {
			_, poll := o.open(t, http.MethodGet, pollPath, "")
			nextLine(t, poll)
			if _, err := io.ReadAll(poll); err == nil {
				t.Error("a dropped poll ended cleanly")
			}
		}
		_, poll := o.open(t, http.MethodGet, pollPath, "")
		if got := untilNot(t, poll); !strings.Contains(got, `"status":"APPROVED"`) {
			t.Errorf("the third poll ended with %q, want the approval", got)
		}
	})
	t.Run("unknown request", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{})
		if status, _ := o.open(t, http.MethodGet, pollPath, ""); status != http.StatusNotFound {
			t.Errorf("the poll of an unknown request was answered %d, want 404", status)
		}
	})
}

// TestCommandWaitStream: the earlier P0 answered a command sent with "wait"
// with a stream: a heartbeat and the command's answer at once, heartbeats
// while the request is pending, and its state once decided; the drop
// variant cuts it after the answer.
func TestCommandWaitStream(t *testing.T) {
	t.Run("decided by a test", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{CommandWait: CommandWaitStream})
		_, stream := o.open(t, http.MethodPost, commandPath, waitBody)
		if got := nextLine(t, stream) + "\n" + nextLine(t, stream); got != heartbeatLine+"\n"+answer {
			t.Fatalf("the stream began %q", got)
		}
		if got := nextLine(t, stream); got != heartbeatLine {
			t.Fatalf("a pending request's stream gave %q, want a heartbeat", got)
		}
		o.server.DecideAccessRequest("req-000002", "DENIED", "not during the freeze")
		if got := untilNot(t, stream); got != `{"data":{"id":"req-000002","request":{"error":{"message":"not during the freeze"},"status":"DENIED"}},"type":"data"}` {
			t.Fatalf("the stream gave %q, want the decision", got)
		}
		if _, err := stream.ReadString('\n'); err != io.EOF {
			t.Errorf("the stream goes on after the decision: %v", err)
		}
	})
	t.Run("dropped", func(t *testing.T) {
		o := newStreamOpener(t, Behavior{CommandWait: CommandWaitDrop})
		_, stream := o.open(t, http.MethodPost, commandPath, waitBody)
		nextLine(t, stream)
		if got := nextLine(t, stream); got != answer {
			t.Fatalf("the stream gave %q, want the answer", got)
		}
		if _, err := io.ReadAll(stream); err == nil {
			t.Error("the dropped stream ended cleanly")
		}
	})
}
