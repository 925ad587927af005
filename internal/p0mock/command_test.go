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

// TestCommandWait sends commands with "wait" to a server on loopback: the
// stream gives a heartbeat and the command's answer at once, heartbeats
// while the request is pending, and its state once decided (by a test, or
// by ApproveAfter); a pre-existing access ends at once; the drop variant
// cuts the stream after the answer; the plain variant answers as without
// "wait". The request can be read by id all along.
func TestCommandWait(t *testing.T) {
	const body = `{"argv":["request","aws","role","Deploy"],"scriptName":"p0","wait":true}`
	open := func(t *testing.T, behavior Behavior) (*Server, *bufio.Reader, func()) {
		t.Helper()
		server := New(testOrg, testToken)
		server.SetBehavior(behavior)
		url, err := server.Start("127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodPost, url+commandPath, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return server, bufio.NewReader(resp.Body), func() { _ = resp.Body.Close(); _ = server.Close() }
	}
	next := func(t *testing.T, r *bufio.Reader) string {
		t.Helper()
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("reading the stream: %v (read %q)", err, line)
		}
		return strings.TrimSpace(line)
	}
	const answer = `{"data":{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false},"type":"data"}`

	t.Run("decided by a test", func(t *testing.T) {
		server, stream, done := open(t, Behavior{})
		defer done()
		if got := next(t, stream) + "\n" + next(t, stream); got != `{"type":"heartbeat"}`+"\n"+answer {
			t.Fatalf("the stream began %q", got)
		}
		if got := next(t, stream); got != `{"type":"heartbeat"}` {
			t.Fatalf("a pending request's stream gave %q, want a heartbeat", got)
		}
		if status, _, _ := server.AccessRequestStatus("req-000002"); status != "PENDING_APPROVAL" {
			t.Fatalf("the request is %s, want pending", status)
		}
		server.DecideAccessRequest("req-000002", "DENIED", "not during the freeze")
		for line := next(t, stream); line != `{"data":{"request":{"error":{"message":"not during the freeze"},"status":"DENIED"}},"type":"data"}`; line = next(t, stream) {
			if line != `{"type":"heartbeat"}` {
				t.Fatalf("the stream gave %q, want the decision", line)
			}
		}
		if _, err := stream.ReadString('\n'); err != io.EOF {
			t.Errorf("the stream goes on after the decision: %v", err)
		}
	})
	t.Run("approved after a delay", func(t *testing.T) {
		_, stream, done := open(t, Behavior{ApproveAfter: 50 * time.Millisecond})
		defer done()
		var last string
		for line, err := stream.ReadString('\n'); err == nil; line, err = stream.ReadString('\n') {
			last = strings.TrimSpace(line)
		}
		if last != `{"data":{"request":{"status":"APPROVED"}},"type":"data"}` {
			t.Errorf("the stream ended with %q, want the approval", last)
		}
	})
	t.Run("dropped", func(t *testing.T) {
		_, stream, done := open(t, Behavior{CommandWait: CommandWaitDrop})
		defer done()
		next(t, stream)
		if got := next(t, stream); got != answer {
			t.Fatalf("the stream gave %q, want the answer", got)
		}
		if _, err := io.ReadAll(stream); err == nil {
			t.Error("the dropped stream ended cleanly")
		}
	})
	t.Run("plain", func(t *testing.T) {
		_, stream, done := open(t, Behavior{CommandWait: CommandWaitPlain})
		defer done()
		all, err := io.ReadAll(stream)
		if err != nil || strings.Contains(string(all), `"type"`) || !strings.Contains(string(all), `"id":"req-000002"`) {
			t.Errorf("the plain answer was %q, %v", all, err)
		}
	})
}
