package p0mock

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestRequestLog(t *testing.T) {
	h := newHarness(t)
	h.do(http.MethodGet, orgPath+"/routing", "")
	h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r"))
	h.do(http.MethodPost, rulePath("r"), ruleJSON(t, "r"))
	h.doWithHeader(http.MethodGet, rulePath("r"), "", http.Header{})
	h.do(http.MethodGet, orgPath+"/nowhere", "")

	type logged struct {
		Method, Path, Endpoint string
		Status                 int
	}
	var got []logged
	for _, request := range h.server.Requests() {
		got = append(got, logged{request.Method, request.Path, request.Endpoint, request.Status})
		if request.Duration <= 0 {
			t.Errorf("%s %s has no duration", request.Method, request.Path)
		}
	}
	want := []logged{
		{http.MethodGet, orgPath + "/routing", "GET /o/{org}/routing", http.StatusOK},
		{http.MethodPost, rulePath("r"), ruleEndpoint, http.StatusOK},
		{http.MethodPost, rulePath("r"), ruleEndpoint, http.StatusConflict},
		{http.MethodGet, rulePath("r"), "GET /o/{org}/routing/name/{name}", http.StatusUnauthorized},
		{http.MethodGet, orgPath + "/nowhere", "", http.StatusNotFound},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("log =\n%+v\nwant\n%+v", got, want)
	}

	if n := h.server.Count(ruleEndpoint); n != 2 {
		t.Errorf("Count(%s) = %d, want 2", ruleEndpoint, n)
	}
	if n := h.server.Count("DELETE /o/{org}/routing/name/{name}"); n != 0 {
		t.Errorf("Count of an endpoint never called = %d", n)
	}
	wantCounts := map[string]int{
		"GET /o/{org}/routing":             1,
		ruleEndpoint:                       2,
		"GET /o/{org}/routing/name/{name}": 1,
	}
	if counts := h.server.Counts(); !reflect.DeepEqual(counts, wantCounts) {
		t.Errorf("Counts = %v, want %v (unmatched requests left out)", counts, wantCounts)
	}

	copied := h.server.Requests()
	copied[0].Status = 999
	if h.server.Requests()[0].Status == 999 {
		t.Error("Requests returned the log itself, not a copy")
	}

	h.server.ResetRequests()
	if n := len(h.server.Requests()); n != 0 {
		t.Errorf("%d requests after ResetRequests", n)
	}
	if n := h.server.Count(ruleEndpoint); n != 0 {
		t.Errorf("Count after ResetRequests = %d", n)
	}
	h.do(http.MethodGet, orgPath+"/routing", "")
	if n := h.server.Count("GET /o/{org}/routing"); n != 1 {
		t.Errorf("Count of a request after ResetRequests = %d, want 1", n)
	}
}

// TestLogRequestsTo prints each request as it is answered, one line with
// method, path and status, never the token; nil stops it.
func TestLogRequestsTo(t *testing.T) {
	h := newHarness(t)
	var out strings.Builder
	h.server.LogRequestsTo(&out)
	h.do(http.MethodGet, orgPath+"/routing", "")
	h.do(http.MethodPost, rulePath("r"), `{"name": 1}`)
	h.server.LogRequestsTo(nil)
	h.do(http.MethodGet, orgPath+"/routing", "")

	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "GET "+orgPath+"/routing 200 ") ||
		!strings.HasPrefix(lines[1], "POST "+rulePath("r")+" 400 ") {
		t.Fatalf("printed %q; want the two requests answered while printing", out.String())
	}
	if strings.Contains(out.String(), testToken) {
		t.Fatalf("the printed log shows the token: %q", out.String())
	}
}
