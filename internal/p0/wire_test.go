package p0_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The wire format, pinned to P0's API documents: each request body the
// client sends is compared with the literal JSON the documents show for
// that endpoint (field names, nesting and values), and each documented
// answer is decoded by the client and encoded again, losing nothing. The
// mock shares the client's types, so only these tests would catch a wrong
// JSON tag. The literals are copied from the documents in ../shared/api,
// whose file and section each case names.

// docRule is the rule every routing-rules example shows.
const docRule = `{
  "name": "text",
  "disabled": true,
  "requestor": {"type": "text", "uid": "text"},
  "resource": {
    "type": "text",
    "service": "text",
    "filters": {
      "ANY_ADDITIONAL_PROPERTY": {"effect": "text", "key": "text", "value": true, "pattern": "text"}
    }
  },
  "approval": [
    {
      "type": "text",
      "directory": "text",
      "integration": "text",
      "profile_property": "text",
      "services": ["text"],
      "options": {"allow_one_party": true, "require_reason": true, "cooldown": 1, "duration": 1}
    }
  ]
}`

// docWorkflow is GET /routing's and GET /routing/{workflowId}'s answer.
const docWorkflow = `{"id": "text", "createdDate": "2025-05-30T12:35:55.328Z", "rules": [` + docRule + `]}`

// wireRecorder answers every request with the answer set for its path and
// remembers the requests.
type wireRecorder struct {
	mu       sync.Mutex
	answers  map[string]string // by "METHOD path"
	requests []wireRequest
}

type wireRequest struct {
	method, path, body string
}

func (w *wireRecorder) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	w.requests = append(w.requests, wireRequest{r.Method, r.URL.EscapedPath(), string(body)})
	answer, ok := w.answers[r.Method+" "+r.URL.EscapedPath()]
	w.mu.Unlock()
	if !ok {
		answer = `{"ok": true}`
	}
	rw.Header().Set("Content-Type", "application/json")
	_, _ = io.WriteString(rw, answer)
}

// newWireClient returns a client of org "demo-org" talking to recorder.
func newWireClient(t *testing.T, recorder *wireRecorder) *p0.Client {
	t.Helper()
	server := httptest.NewServer(recorder)
	t.Cleanup(server.Close)
	client, err := p0.NewClient(p0.Config{Host: server.URL, Org: "demo-org", Token: testToken, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// sameJSON fails unless got and want are the same JSON value.
func sameJSON(t *testing.T, what, got, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("%s: the client sent %q, which is not JSON: %v", what, got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("%s: the document's JSON does not parse: %v", what, err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s:\n got  %s\n want %s (the document's)", what, compact(got), compact(want))
	}
}

func compact(text string) string {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return text
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func mustDecode[T any](t *testing.T, text string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestRequestBodiesMatchTheDocuments sends one request to every endpoint
// and compares the method, path and body with the documents' example.
func TestRequestBodiesMatchTheDocuments(t *testing.T) {
	ctx := context.Background()
	rule := mustDecode[p0.RoutingRule](t, docRule)
	workflow := mustDecode[p0.Workflow](t, docWorkflow)
	cases := []struct {
		name   string // the document and section
		call   func(*p0.Client) error
		method string
		path   string
		body   string // "" for a request without body
	}{
		{"aws-integration-api: Initialize installation of an AWS account",
			func(c *p0.Client) error { return c.CreateAWSIntegration(ctx) },
			"POST", "/o/demo-org/integrations/aws/config", ""},
		{"aws-integration-api: Execute this first to start the install of an account (stage)",
			func(c *p0.Client) error { return c.StageAWSComponent(ctx, "iam-write", "123456789012") },
			"PUT", "/o/demo-org/integrations/aws/config/iam-write/123456789012", ""},
		{"aws-integration-api: Transitions the item from stage to configure (verify)",
			func(c *p0.Client) error { return c.VerifyAWSComponent(ctx, "iam-write", "123456789012") },
			"POST", "/o/demo-org/integrations/aws/config/iam-write/123456789012/verify", `{"state": "stage"}`},
		{"aws-integration-api: configure, IAM Assessment",
			func(c *p0.Client) error {
				_, err := c.ConfigureAWSComponent(ctx, "iam-assessment", "123456789012", p0.AWSItem{AccessAnalyzerArn: "text"})
				return err
			},
			"POST", "/o/demo-org/integrations/aws/config/iam-assessment/123456789012/configure",
			`{"state": "configure", "accessAnalyzerArn": "text"}`},
		{"aws-integration-api: configure, IAM Management",
			func(c *p0.Client) error {
				login := &p0.AWSLogin{Type: "iam", Identity: &p0.AWSLoginIdentity{Type: "email"}}
				_, err := c.ConfigureAWSComponent(ctx, "iam-write", "123456789012", p0.AWSItem{Login: login})
				return err
			},
			"POST", "/o/demo-org/integrations/aws/config/iam-write/123456789012/configure",
			`{"state": "configure", "login": {"type": "iam", "identity": {"type": "email"}}}`},
		{"aws-integration-api: configure, Function Caller",
			func(c *p0.Client) error {
				_, err := c.ConfigureAWSComponent(ctx, "function-caller", "arn:aws:lambda:us-east-1:123456789012:function:f", p0.AWSItem{})
				return err
			},
			"POST", "/o/demo-org/integrations/aws/config/function-caller/arn:aws:lambda:us-east-1:123456789012:function:f/configure",
			`{"state": "configure"}`},
		{"aws-integration-api: configure, Access Logs",
			func(c *p0.Client) error {
				_, err := c.ConfigureAWSComponent(ctx, "access-logs", "123456789012", p0.AWSItem{CloudLakeArn: "text"})
				return err
			},
			"POST", "/o/demo-org/integrations/aws/config/access-logs/123456789012/configure",
			`{"state": "configure", "cloudLakeArn": "text"}`},
		{"aws-integration-api: configure, Resource Inventory",
			func(c *p0.Client) error {
				_, err := c.ConfigureAWSComponent(ctx, "inventory", "123456789012", p0.AWSItem{})
				return err
			},
			"POST", "/o/demo-org/integrations/aws/config/inventory/123456789012/configure", `{"state": "configure"}`},
		{"aws-integration-api: delete an item",
			func(c *p0.Client) error { return c.DeleteAWSComponent(ctx, "inventory", "123456789012") },
			"DELETE", "/o/demo-org/integrations/aws/config/inventory/123456789012", ""},
		{"aws-integration-api: Removes all items in all components",
			func(c *p0.Client) error { return c.DeleteAWSIntegration(ctx) },
			"DELETE", "/o/demo-org/integrations/aws/config", ""},
		{"jit-settings-api: Add a custom expiry duration",
			func(c *p0.Client) error { return c.CreateExpiryOption(ctx, 2, "h") },
			"POST", "/o/demo-org/settings/expiry-options", `{"time": 2, "unit": "h"}`},
		{"jit-settings-api: Reset custom expiry durations",
			func(c *p0.Client) error { _, err := c.ResetExpiryOptions(ctx); return err },
			"POST", "/o/demo-org/settings/expiry-options/_reset", ""},
		{"jit-settings-api: Update approval settings",
			func(c *p0.Client) error {
				yes := true
				return c.UpdateDefaultApprovals(ctx, p0.DefaultApprovals{AllowOneParty: &yes, RequireReason: &yes})
			},
			"PUT", "/o/demo-org/settings/default-approvals", `{"allowOneParty": true, "requireReason": true}`},
		{"jit-settings-api: Set custom standing access duration",
			func(c *p0.Client) error {
				_, err := c.SetStandingAccessDuration(ctx, p0.Duration{Time: 2, Unit: "h"})
				return err
			},
			"PUT", "/o/demo-org/settings/standing-access-duration", `{"time": 2, "unit": "h"}`},
		{"jit-settings-api: Set custom maximum access duration",
			func(c *p0.Client) error {
				_, err := c.SetMaxAccessDuration(ctx, p0.Duration{Time: 2, Unit: "h"})
				return err
			},
			"PUT", "/o/demo-org/settings/max-access-duration", `{"time": 2, "unit": "h"}`},
		{"command-api: Submit a command to P0",
			func(c *p0.Client) error {
				_, err := c.SubmitCommand(ctx, []string{"request", "aws", "permission-set", "BucketList", "--account", "p0-dev", "--reason", "request via API"})
				return err
			},
			"POST", "/o/demo-org/command",
			`{"argv": ["request", "aws", "permission-set", "BucketList", "--account", "p0-dev", "--reason", "request via API"], "scriptName": "p0"}`},
		{"routing-rules-api: Create a Routing Rule by Name",
			func(c *p0.Client) error { _, err := c.CreateRoutingRule(ctx, rule); return err },
			"POST", "/o/demo-org/routing/name/text", docRule},
		{"routing-rules-api: Update a Routing Rule by Name",
			func(c *p0.Client) error { _, err := c.UpdateRoutingRule(ctx, rule); return err },
			"PUT", "/o/demo-org/routing/name/text", docRule},
		{"routing-rules-api: Delete a Routing Rule by Name",
			func(c *p0.Client) error { return c.DeleteRoutingRule(ctx, "text") },
			"DELETE", "/o/demo-org/routing/name/text", ""},
		{"routing-rules-api: Save Routing Configuration",
			func(c *p0.Client) error { _, err := c.SaveWorkflow(ctx, "text", workflow); return err },
			"POST", "/o/demo-org/routing", `{"currentVersion": "text", "workflow": ` + docWorkflow + `}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recorder := &wireRecorder{answers: map[string]string{
				"POST /o/demo-org/routing/name/text": docRule,
				"PUT /o/demo-org/routing/name/text":  docRule,
				"POST /o/demo-org/routing":           `{"rules": [` + docRule + `], "version": "text"}`,
				"POST /o/demo-org/command":           `{"ok": true, "message": "text", "id": "text", "isPreexisting": true, "isPersistent": true}`,
			}}
			client := newWireClient(t, recorder)
			if err := tc.call(client); err != nil {
				t.Fatal(err)
			}
			// Staging posts the integration root first; the request under
			// test is the last one.
			last := recorder.requests[len(recorder.requests)-1]
			if last.method != tc.method || last.path != tc.path {
				t.Fatalf("sent %s %s, want %s %s", last.method, last.path, tc.method, tc.path)
			}
			if tc.body == "" {
				if strings.TrimSpace(last.body) != "" {
					t.Fatalf("sent the body %s; the document shows none", last.body)
				}
				return
			}
			sameJSON(t, tc.name, last.body, tc.body)
		})
	}
}

// TestDocumentedAnswersDecode decodes every documented answer with the
// client's type and encodes it again: a field the client misnames or
// lacks would be lost on the way.
func TestDocumentedAnswersDecode(t *testing.T) {
	cases := []struct {
		name   string
		answer string
		into   func() any
	}{
		{"aws-integration-api: Current configuration values for every component (GET .../config)", `{
  "base": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure", "serviceAccountEmail": "text", "serviceAccountId": "text"}},
  "iam-assessment": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure", "accessAnalyzerArn": "text"}},
  "iam-write": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure", "login": {"type": "iam", "identity": {"type": "email"}}}},
  "function-caller": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure"}},
  "access-logs": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure", "cloudLakeArn": "text"}},
  "inventory": {"ANY_ADDITIONAL_PROPERTY": {"label": "text", "state": "configure"}}
}`, func() any { return &p0.AWSIntegration{} }},
		{"aws-integration-api: GET base item", `{"ok": true, "item": {"label": "text", "state": "configure", "serviceAccountEmail": "text", "serviceAccountId": "text"}, "metadata": {}}`,
			func() any { return &p0.AWSComponentItem{} }},
		{"aws-integration-api: GET iam-write item", `{"ok": true,
  "item": {"label": "text", "state": "configure", "login": {"type": "iam", "identity": {"type": "email"}}},
  "metadata": {"roleName": "text", "inlinePolicy": "text", "inlinePolicyName": "text", "trustPolicy": "text", "serviceAccountId": "text"}}`,
			func() any { return &p0.AWSComponentItem{} }},
		{"aws-integration-api: GET iam-assessment item", `{"ok": true,
  "item": {"label": "text", "state": "configure", "accessAnalyzerArn": "text"},
  "metadata": {"roleName": "text", "inlinePolicy": "text", "inlinePolicyName": "text", "trustPolicy": "text", "serviceAccountId": "text"}}`,
			func() any { return &p0.AWSComponentItem{} }},
		{"aws-integration-api: GET access-logs item", `{"ok": true, "item": {"label": "text", "state": "configure", "cloudLakeArn": "text"}, "metadata": {}}`,
			func() any { return &p0.AWSComponentItem{} }},
		{"jit-settings-api: Reset custom expiry durations", `{"options": [
  {"time": 5, "unit": "m", "value": "5 minutes"}, {"time": 1, "unit": "h", "value": "1 hour"},
  {"time": 24, "unit": "h", "value": "1 day"}, {"time": 168, "unit": "h", "value": "1 week"},
  {"time": 720, "unit": "h", "value": "30 days"}]}`, func() any { return &p0.ExpiryOptions{} }},
		{"jit-settings-api: Update approval settings (body)", `{"allowOneParty": true, "requireReason": true}`,
			func() any { return &p0.DefaultApprovals{} }},
		{"command-api: Submit a command to P0 (answer)", `{"ok": true, "message": "text", "id": "text", "isPreexisting": true, "isPersistent": true}`,
			func() any { return &p0.CommandResult{} }},
		{"routing-rules-api: Get a Routing Rule by Name", docRule, func() any { return &p0.RoutingRule{} }},
		{"routing-rules-api: Get Routing Configuration", docWorkflow, func() any { return &p0.Workflow{} }},
		{"routing-rules-api: Save Routing Configuration (answer)", `{"rules": [` + docRule + `], "version": "text"}`,
			func() any { return &p0.SaveWorkflowResponse{} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.into()
			if err := json.Unmarshal([]byte(tc.answer), v); err != nil {
				t.Fatal(err)
			}
			again, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			sameJSON(t, tc.name, string(again), tc.answer)
		})
	}
}

// TestSaveAnswerWrapped reads the answer to a save as P0's own client
// reads it, wrapped in "workflow", as the documents' unwrapped one.
func TestSaveAnswerWrapped(t *testing.T) {
	for _, answer := range []string{`{"rules": [` + docRule + `], "version": "v2"}`, `{"workflow": {"rules": [` + docRule + `], "version": "v2"}}`} {
		got := mustDecode[p0.SaveWorkflowResponse](t, answer)
		if got.Version != "v2" || len(got.Rules) != 1 || got.Rules[0].Name != "text" {
			t.Errorf("%s read as %+v", answer, got)
		}
	}
}

// TestDocumentedDurationAnswers reads the duration settings' documented
// answers through the client.
func TestDocumentedDurationAnswers(t *testing.T) {
	recorder := &wireRecorder{answers: map[string]string{
		"PUT /o/demo-org/settings/standing-access-duration": `{"ok": true, "standingAccessDuration": {"time": 2, "unit": "h", "value": "2 hours"}}`,
		"PUT /o/demo-org/settings/max-access-duration":      `{"ok": true, "maxAccessDuration": {"time": 2, "unit": "h", "value": "2 hours"}}`,
	}}
	client := newWireClient(t, recorder)
	want := p0.Duration{Time: 2, Unit: "h", Value: "2 hours"}
	for name, set := range map[string]func(context.Context, p0.Duration) (*p0.Duration, error){
		"standing": client.SetStandingAccessDuration, "max": client.SetMaxAccessDuration,
	} {
		got, err := set(context.Background(), p0.Duration{Time: 2, Unit: "h"})
		if err != nil || *got != want {
			t.Errorf("%s access duration = %+v, %v; want %+v", name, got, err, want)
		}
	}
}

// currentRule is a rule in the form P0's own client writes, beyond the
// documents: a group requestor named by groups and effect, an access type,
// approval groups and effect, and the newer options. Its fields of two
// words are spelt here as the documents spell the others (snake_case).
const currentRule = `{
  "name": "text",
  "disabled": false,
  "requestor": {"type": "group", "effect": "keep", "groups": [{"directory": "okta", "id": "00g1", "label": "SRE"}]},
  "resource": {"type": "integration", "service": "ssh", "access_type": "all"},
  "approval": [
    {
      "type": "group",
      "profile_property": "manager",
      "effect": "remove",
      "groups": [{"directory": "azure-ad", "id": "g-2", "label": "On call"}],
      "options": {"allow_one_party": false, "require_reason": true, "cooldown": 0, "duration": 60,
        "require_duration": true, "require_preapproval": true, "break_glass_approver": false}
    }
  ]
}`

// currentRuleCamel is currentRule as P0's own client spells it.
const currentRuleCamel = `{
  "name": "text",
  "disabled": false,
  "requestor": {"type": "group", "effect": "keep", "groups": [{"directory": "okta", "id": "00g1", "label": "SRE"}]},
  "resource": {"type": "integration", "service": "ssh", "accessType": "all"},
  "approval": [
    {
      "type": "group",
      "profileProperty": "manager",
      "effect": "remove",
      "groups": [{"directory": "azure-ad", "id": "g-2", "label": "On call"}],
      "options": {"allowOneParty": false, "requireReason": true, "cooldown": 0, "duration": 60,
        "requireDuration": true, "requirePreapproval": true, "breakGlassApprover": false}
    }
  ]
}`

// TestBodiesInBothSpellings pins the bodies of rule writes and saves in the
// documents' spelling, which a client sends first, and in camelCase, which
// it sends once P0 has refused a field by name; and reads both spellings
// back into the same rule.
func TestBodiesInBothSpellings(t *testing.T) {
	ctx := context.Background()
	rule := mustDecode[p0.RoutingRule](t, currentRule)
	if again := mustDecode[p0.RoutingRule](t, currentRuleCamel); !reflect.DeepEqual(again, rule) {
		t.Fatalf("the two spellings read differently:\n %+v\n %+v", rule, again)
	}
	cases := []struct {
		name   string
		call   func(*p0.Client) error
		method string
		path   string
		body   string // sent first, in the documents' spelling
		camel  string // sent after P0 refused it
	}{
		{"create", func(c *p0.Client) error { _, err := c.CreateRoutingRule(ctx, rule); return err },
			"POST", "/o/demo-org/routing/name/text", currentRule, currentRuleCamel},
		{"update", func(c *p0.Client) error { _, err := c.UpdateRoutingRule(ctx, rule); return err },
			"PUT", "/o/demo-org/routing/name/text", currentRule, currentRuleCamel},
		{"save", func(c *p0.Client) error {
			_, err := c.SaveWorkflow(ctx, "v1", p0.Workflow{Rules: []p0.RoutingRule{rule}})
			return err
		}, "POST", "/o/demo-org/routing",
			`{"currentVersion": "v1", "workflow": {"rules": [` + currentRule + `]}}`,
			`{"currentVersion": "v1", "workflow": {"rules": [` + currentRuleCamel + `]}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// P0 refuses the first write, naming a field in snake_case.
			refused := false
			recorder := &wireRecorder{answers: map[string]string{
				"POST /o/demo-org/routing/name/text": currentRuleCamel,
				"PUT /o/demo-org/routing/name/text":  currentRuleCamel,
				"POST /o/demo-org/routing":           `{"rules": [` + currentRuleCamel + `], "version": "v2"}`,
			}}
			server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !refused {
					refused = true
					body, _ := io.ReadAll(r.Body)
					recorder.mu.Lock()
					recorder.requests = append(recorder.requests, wireRequest{r.Method, r.URL.EscapedPath(), string(body)})
					recorder.mu.Unlock()
					w.Header().Set("Content-Type", "application/json")
					w.WriteHeader(http.StatusBadRequest)
					_, _ = io.WriteString(w, `{"error": "Unrecognized key(s) in object: 'allow_one_party'"}`)
					return
				}
				recorder.ServeHTTP(w, r)
			}))
			t.Cleanup(server.Close)
			client, err := p0.NewClient(p0.Config{Host: server.URL, Org: "demo-org", Token: testToken, MaxRetries: -1})
			if err != nil {
				t.Fatal(err)
			}
			if err := tc.call(client); err != nil {
				t.Fatal(err)
			}
			if len(recorder.requests) != 2 {
				t.Fatalf("sent %d requests, want the refused one and one in camelCase", len(recorder.requests))
			}
			for i, want := range []string{tc.body, tc.camel} {
				got := recorder.requests[i]
				if got.method != tc.method || got.path != tc.path {
					t.Fatalf("request %d: %s %s, want %s %s", i, got.method, got.path, tc.method, tc.path)
				}
				sameJSON(t, fmt.Sprintf("%s, request %d", tc.name, i), got.body, want)
			}
		})
	}
}
