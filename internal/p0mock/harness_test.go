package p0mock

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const (
	testOrg   = "test-org"
	testToken = "test-token"
	orgPath   = "/o/" + testOrg
)

// harness sends requests straight to a fresh server's ServeHTTP.
type harness struct {
	t      *testing.T
	server *Server
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	return &harness{t: t, server: New(testOrg, testToken)}
}

// do sends an authenticated request; a non-empty body is sent as JSON.
func (h *harness) do(method, path, body string) *httptest.ResponseRecorder {
	h.t.Helper()
	return h.doWithHeader(method, path, body, http.Header{"Authorization": {"Bearer " + testToken}})
}

// doWithHeader sends a request with exactly header, plus a JSON content
// type when there is a body and header names none.
func (h *harness) doWithHeader(method, path, body string, header http.Header) *httptest.ResponseRecorder {
	h.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header = header.Clone()
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.server.ServeHTTP(rec, req)
	return rec
}

// expectStatus fails the test unless rec has status.
func expectStatus(t *testing.T, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status = %d, want %d; body: %s", rec.Code, status, rec.Body)
	}
}

// expectError checks an error answer: status, a JSON content type, and an
// {"error": ...} message containing want.
func expectError(t *testing.T, rec *httptest.ResponseRecorder, status int, want string) {
	t.Helper()
	expectStatus(t, rec, status)
	if got := rec.Header().Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", got)
	}
	message := decodeBody[errorBody](t, rec).Error
	if !strings.Contains(message, want) {
		t.Errorf("error = %q, want it to contain %q", message, want)
	}
}

// decodeBody decodes rec's body as T, refusing fields T does not have, so
// that answers with unexpected fields fail the test.
func decodeBody[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	decoder := json.NewDecoder(rec.Body)
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&v); err != nil {
		t.Fatalf("decoding %T: %v", v, err)
	}
	return v
}

// mustJSON encodes v for a request body.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// call is one request of a scripted scenario, with the answer expected.
type call struct {
	name       string
	method     string
	path       string
	body       string
	wantStatus int
	wantError  string // for error answers: a part of the message
}

// runCalls sends calls in order against one server, as a scenario whose
// steps depend on each other.
func (h *harness) runCalls(calls []call) {
	h.t.Helper()
	for _, c := range calls {
		h.t.Run(c.name, func(t *testing.T) {
			rec := h.do(c.method, c.path, c.body)
			if c.wantError != "" {
				expectError(t, rec, c.wantStatus, c.wantError)
				return
			}
			expectStatus(t, rec, c.wantStatus)
		})
	}
}

func boolPointer(b bool) *bool { return &b }
