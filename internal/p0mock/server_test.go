package p0mock

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestAuth(t *testing.T) {
	tests := []struct {
		name          string
		path          string
		authorization string
		wantStatus    int
		wantError     string
	}{
		{"no header", orgPath + "/routing", "", http.StatusUnauthorized, "missing or invalid API token"},
		{"wrong token", orgPath + "/routing", "Bearer not-the-token", http.StatusUnauthorized, "missing or invalid API token"},
		{"wrong scheme", orgPath + "/routing", "Basic " + testToken, http.StatusUnauthorized, "missing or invalid API token"},
		{"scheme only", orgPath + "/routing", "Bearer", http.StatusUnauthorized, "missing or invalid API token"},
		{"empty token", orgPath + "/routing", "Bearer ", http.StatusUnauthorized, "missing or invalid API token"},
		{"other organization", "/o/other-org/routing", "Bearer " + testToken, http.StatusForbidden, `organization "other-org"`},
		{"unknown path without token", "/nowhere", "", http.StatusUnauthorized, "missing or invalid API token"},
		{"scheme is case-insensitive", orgPath + "/routing", "bearer " + testToken, http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			header := http.Header{}
			if tt.authorization != "" {
				header.Set("Authorization", tt.authorization)
			}
			rec := h.doWithHeader(http.MethodGet, tt.path, "", header)
			if tt.wantError == "" {
				expectStatus(t, rec, tt.wantStatus)
				return
			}
			body := rec.Body.String()
			expectError(t, rec, tt.wantStatus, tt.wantError)
			if strings.Contains(body, "not-the-token") {
				t.Errorf("the answer repeats the token received: %s", body)
			}
		})
	}
}

func TestAuthFailureCommitsNothing(t *testing.T) {
	h := newHarness(t)
	rec := h.doWithHeader(http.MethodPost, orgPath+"/routing/name/r", ruleJSON(t, "r"), http.Header{})
	expectStatus(t, rec, http.StatusUnauthorized)
	if _, found := h.server.RoutingRule("r"); found {
		t.Error("an unauthenticated create was committed")
	}
}

func TestRequestBodyChecks(t *testing.T) {
	rulePath := orgPath + "/routing/name/r"
	tests := []struct {
		name        string
		method      string
		path        string
		body        string
		contentType string
		wantStatus  int
		wantError   string
	}{
		{"invalid JSON", http.MethodPost, rulePath, `{"name": }`, "", http.StatusBadRequest, "request body is not valid JSON"},
		{"trailing data", http.MethodPost, rulePath, `{} {}`, "", http.StatusBadRequest, "request body is not valid JSON"},
		{"array", http.MethodPost, rulePath, `[]`, "", http.StatusBadRequest, "must be a JSON object, got an array"},
		{"string", http.MethodPost, rulePath, `"rule"`, "", http.StatusBadRequest, "must be a JSON object, got a string"},
		{"null", http.MethodPost, rulePath, `null`, "", http.StatusBadRequest, "must be a JSON object, got null"},
		{"number", http.MethodPut, orgPath + "/settings/max-access-duration", `3`, "", http.StatusBadRequest, "must be a JSON object, got a number"},
		{"unknown field", http.MethodPut, orgPath + "/settings/default-approvals", `{"alowOneParty": true}`, "", http.StatusBadRequest, `unknown field "alowOneParty"`}, //nolint:misspell // a misspelt field name is the point of this case
		{"rule in the wrong spelling", http.MethodPost, rulePath, `{"requestor": {"type": "any"}, "resource": {"type": "any"}, "approval": [{"type": "p0", "options": {"requireReason": true}}]}`, "", http.StatusBadRequest, "unknown option requireReason"},
		{"wrong type", http.MethodPut, orgPath + "/settings/default-approvals", `{"allowOneParty": "yes"}`, "", http.StatusBadRequest, "field allowOneParty must be a boolean"},
		{"missing body", http.MethodPost, rulePath, ``, "", http.StatusBadRequest, "request body is required"},
		{"fields on an endpoint that takes none", http.MethodPost, orgPath + "/integrations/aws/config", `{"label": "x"}`, "", http.StatusBadRequest, `unknown field "label"`},
		{"not JSON content type", http.MethodPost, rulePath, `{}`, "text/plain", http.StatusUnsupportedMediaType, "Content-Type must be application/json"},
		{"too large", http.MethodPost, rulePath, `{"name": "` + strings.Repeat("x", maxBodyBytes) + `"}`, "", http.StatusRequestEntityTooLarge, "request body exceeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			header := http.Header{"Authorization": {"Bearer " + testToken}}
			if tt.contentType != "" {
				header.Set("Content-Type", tt.contentType)
			}
			expectError(t, h.doWithHeader(tt.method, tt.path, tt.body, header), tt.wantStatus, tt.wantError)
			if len(h.server.RoutingRules()) != 0 || h.server.AWSRootExists() {
				t.Error("a refused request changed the state")
			}
		})
	}
}

func TestJSONContentTypeWithCharsetIsAccepted(t *testing.T) {
	h := newHarness(t)
	header := http.Header{
		"Authorization": {"Bearer " + testToken},
		"Content-Type":  {"application/json; charset=utf-8"},
	}
	expectStatus(t, h.doWithHeader(http.MethodPost, orgPath+"/routing/name/r", ruleJSON(t, "r"), header), http.StatusOK)
}

func TestNoRoute(t *testing.T) {
	tests := []struct {
		name       string
		method     string
		path       string
		wantStatus int
		wantError  string
		wantAllow  string
	}{
		{"unknown path", http.MethodGet, orgPath + "/nothing-here", http.StatusNotFound, "not found", ""},
		{"unknown settings", http.MethodGet, orgPath + "/settings/unknown", http.StatusNotFound, "not found", ""},
		{"wrong method", http.MethodPatch, orgPath + "/routing", http.StatusMethodNotAllowed, "method PATCH is not allowed", "GET, POST"},
		{"read on a write-only endpoint", http.MethodGet, orgPath + "/command", http.StatusMethodNotAllowed, "allowed: POST", "POST"},
		{"double slash", http.MethodGet, orgPath + "//routing", http.StatusNotFound, "is not canonical", ""},
		{"dot segment", http.MethodGet, orgPath + "/settings/../routing", http.StatusNotFound, "is not canonical", ""},
		{"trailing slash", http.MethodGet, orgPath + "/routing/", http.StatusNotFound, "not found", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			rec := h.do(tt.method, tt.path, "")
			expectError(t, rec, tt.wantStatus, tt.wantError)
			if got := rec.Header().Get("Allow"); got != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", got, tt.wantAllow)
			}
		})
	}
}

func TestOrgAndToken(t *testing.T) {
	s := New("acme", "secret")
	if s.Org() != "acme" || s.Token() != "secret" {
		t.Errorf("Org, Token = %q, %q; want acme, secret", s.Org(), s.Token())
	}
}

func TestStartServesOverTCP(t *testing.T) {
	s := New(testOrg, testToken)
	baseURL, err := s.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") {
		t.Errorf("base URL = %q, want http://127.0.0.1:PORT", baseURL)
	}
	if _, err := s.Start("127.0.0.1:0"); err == nil {
		t.Error("starting twice succeeded")
	}

	req, _ := http.NewRequest(http.MethodGet, baseURL+orgPath+"/settings/expiry-options", nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"5 minutes"`) {
		t.Errorf("GET expiry options over TCP = %d %s", resp.StatusCode, body)
	}

	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.DefaultClient.Do(req); err == nil {
		t.Error("the server still answers after Close")
	}
	if err := s.Close(); err != nil {
		t.Errorf("closing a stopped server: %v", err)
	}
}

func TestStartRefusesNonLoopbackAddresses(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "192.0.2.1:0", "example.com:0", "[::]:0", "no-port"} {
		t.Run(addr, func(t *testing.T) {
			s := New(testOrg, testToken)
			if baseURL, err := s.Start(addr); err == nil {
				_ = s.Close()
				t.Fatalf("Start(%q) = %q, want an error", addr, baseURL)
			}
		})
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:0"} {
		t.Run(addr, func(t *testing.T) {
			s := New(testOrg, testToken)
			if _, err := s.Start(addr); err != nil {
				t.Fatalf("Start(%q): %v", addr, err)
			}
			_ = s.Close()
		})
	}
}

func TestUnmatchedRequestsIgnoreTheirBody(t *testing.T) {
	h := newHarness(t)
	expectError(t, h.do(http.MethodPost, orgPath+"/nowhere", `not json`), http.StatusNotFound, "not found")
	expectError(t, h.do(http.MethodPut, orgPath+"/command", `not json`), http.StatusMethodNotAllowed, "allowed: POST")
}
