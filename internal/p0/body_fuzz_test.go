package p0

import (
	"errors"
	"strings"
	"testing"
)

// fuzzSecret stands for the API token in FuzzDecodeResponse.
const fuzzSecret = "tok-3f9a2c"

// FuzzDecodeResponse feeds arbitrary bodies to the response decoding used by
// every endpoint. Whatever P0 or a proxy sends, decoding must return a value
// or an error, never panic, and error texts must stay short and never quote
// the API token, even when the body echoes it. `make test` runs the seed
// corpus; `go test -fuzz FuzzDecodeResponse ./internal/p0` explores.
func FuzzDecodeResponse(f *testing.F) {
	seeds := []string{
		``,
		`{}`,
		`null`,
		`{"name":"r","disabled":true,"requestor":{"type":"any"},"resource":{"type":"any"},"approval":[{"type":"auto"}]}`,
		`{"name":"r","requestor":{`,
		`{"name": 42}`,
		`{"approval": {"type": "auto"}}`,
		`{"options":[{"time":"2","unit":"h"}]}`,
		`{"ok":true,"item":{"state":"stage"},"metadata":{"roleName":1}}`,
		`{"base":{"123":{"state":"installed"}},"inventory":[]}`,
		`<html><body><h1>502 Bad Gateway</h1></body></html>`,
		`{"error":"routing rule \"x\" already exists"}`,
		`{"error":{"nested":true}}`,
		"\xff\xfe\x00garbage",
		`[` + strings.Repeat(`[`, 10000),
		strings.Repeat("x", 10000),
		`<html><pre>Authorization: Bearer ` + fuzzSecret + `</pre></html>`,
		`{"error":"bad header Authorization: Bearer ` + fuzzSecret + `"}`,
		`{"name":"` + fuzzSecret + `", "disabled": "no"}`,
		`{"error":"` + strings.Replace(fuzzSecret, "c", `\u0063`, 1) + `"}`,
		strings.Repeat(" ", 190) + "Bearer " + fuzzSecret + fuzzSecret,
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		targets := []any{
			&RoutingRule{}, &Workflow{}, &SaveWorkflowResponse{}, &AWSComponentItem{}, &AWSIntegration{},
			&ExpiryOptions{}, &DefaultApprovals{}, &accessDurationResponse{},
			&CommandResult{}, &okResponse{},
		}
		for _, target := range targets {
			if err := decodeBody(data, target, fuzzSecret); err != nil {
				if !errors.Is(err, ErrMalformedResponse) {
					t.Fatalf("decodeBody(%T) error %v is not ErrMalformedResponse", target, err)
				}
				if len(err.Error()) > 2000 {
					t.Fatalf("decodeBody(%T) error is %d bytes long", target, len(err.Error()))
				}
				if strings.Contains(err.Error(), fuzzSecret) {
					t.Fatalf("decodeBody(%T) error quotes the token: %v", target, err)
				}
			}
		}
		if msg := errorMessage(data); len(msg) > 1000 && !strings.HasPrefix(string(data), `{`) {
			t.Fatalf("errorMessage quoted %d bytes of a non-JSON body", len(msg))
		}
		if msg := quotedMessage(data, fuzzSecret); strings.Contains(msg, fuzzSecret) {
			t.Fatalf("the error message quotes the token: %q", msg)
		}
	})
}
