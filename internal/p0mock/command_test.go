package p0mock

import (
	"net/http"
	"reflect"
	"testing"

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
