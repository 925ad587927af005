package p0mock

import (
	"net/http"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestVariantsAnswerAsNamed sends, under each variant, the requests whose
// answers the documents leave open, and checks the answers the variant
// names: status and body.
func TestVariantsAnswerAsNamed(t *testing.T) {
	const (
		root     = "/o/" + testOrg + "/integrations/aws/config"
		item     = root + "/inventory/123456789012"
		settings = "/o/" + testOrg + "/settings/"
		expiry   = settings + "expiry-options"
	)
	type exchange struct {
		method, path, body string
		status             int
		answer             string // the body, exactly, or "" to skip
	}
	stage := exchange{http.MethodPut, item, "", http.StatusOK, `{"ok":true}`}
	const (
		routing = "/o/" + testOrg + "/routing"
		rule    = routing + "/name/r"
		policy  = "/o/" + testOrg + "/policy"
		snake   = `{"requestor":{"type":"any"},"resource":{"type":"any"},"approval":[{"type":"p0","options":{"require_reason":true}}]}`
		camel   = `{"requestor":{"type":"any"},"resource":{"type":"any"},"approval":[{"type":"p0","options":{"requireReason":true}}]}`
	)
	cases := map[string][]exchange{
		"documented": {
			{http.MethodPut, item, "", http.StatusNotFound, ""},
			{http.MethodPost, root, "", http.StatusOK, `{"ok":true}`},
			{http.MethodPost, root, "", http.StatusOK, `{"ok":true}`},
			stage,
			{http.MethodPut, item, "", http.StatusConflict, ""},
			{http.MethodGet, settings + "standing-access-duration", "", http.StatusOK,
				`{"ok":true,"standingAccessDuration":{"time":1,"unit":"h","value":"1 hour"}}`},
			{http.MethodDelete, expiry + "/1%20hour", "", http.StatusBadRequest, ""},
			{http.MethodDelete, expiry + "/1h", "", http.StatusNoContent, ""},
			{http.MethodPost, rule, camel, http.StatusBadRequest, `{"error":"unknown option requireReason"}`},
			{http.MethodPost, rule, snake, http.StatusOK, ""},
			{http.MethodGet, policy + "/latest", "", http.StatusNotFound, ""},
			{http.MethodGet, policy + "/name/r", "", http.StatusNotFound, ""},
		},
		"root-missing-400": {{http.MethodPut, item, "", http.StatusBadRequest, `{"error":"AWS integration is not installed"}`}},
		"root-missing-412": {{http.MethodPut, item, "", http.StatusPreconditionFailed, `{"error":"precondition failed"}`}},
		"root-missing-409": {
			{http.MethodPut, item, "", http.StatusConflict, `{"error":"conflict"}`},
			{http.MethodPost, root, "", http.StatusOK, `{"ok":true}`},
			{http.MethodPost, root, "", http.StatusConflict, ""},
		},
		"restage-existing": {
			{http.MethodPost, root, "", http.StatusOK, ""},
			stage,
			{http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusOK, ""},
			stage,
			{http.MethodGet, item, "", http.StatusOK, `{"ok":true,"item":{"state":"stage"},"metadata":{}}`},
		},
		"rich-write-answers": {
			{http.MethodPost, root, "", http.StatusOK, ""},
			{http.MethodPut, item, "", http.StatusOK, `{"ok":true,"item":{"state":"stage"},"metadata":{}}`},
			{http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusOK, `{"ok":true,"item":{"state":"configure"},"metadata":{}}`},
			{http.MethodPost, item + "/configure", `{"state":"configure"}`, http.StatusOK, `{"ok":true,"item":{"state":"installed"},"metadata":{}}`},
		},
		"iam-propagation": {
			{http.MethodPost, root, "", http.StatusOK, ""},
			stage,
			{http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusBadRequest, ""},
			{http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusBadRequest, ""},
			{http.MethodPost, item + "/verify", `{"state":"stage"}`, http.StatusOK, ""},
		},
		"settings-reads-404": {{http.MethodGet, settings + "default-approvals", "", http.StatusNotFound, ""}},
		"settings-reads-405": {{http.MethodGet, expiry, "", http.StatusMethodNotAllowed, ""}},
		"settings-unset-null": {
			{http.MethodGet, settings + "max-access-duration", "", http.StatusOK, `null`},
			{http.MethodGet, settings + "default-approvals", "", http.StatusOK, `null`},
			{http.MethodPut, settings + "default-approvals", `{"allowOneParty":true}`, http.StatusNoContent, ""},
			{http.MethodGet, settings + "default-approvals", "", http.StatusOK, `{"allowOneParty":true}`},
		},
		"settings-unset-empty": {{http.MethodGet, settings + "max-access-duration", "", http.StatusOK, `{}`}},
		"settings-unset-missing": {
			{http.MethodGet, settings + "max-access-duration", "", http.StatusOK, `{"ok":true}`},
			{http.MethodGet, settings + "default-approvals", "", http.StatusOK, `{}`},
		},
		"settings-unset-null-field": {
			{http.MethodGet, settings + "standing-access-duration", "", http.StatusOK, `{"ok":true,"standingAccessDuration":null}`},
			{http.MethodPut, settings + "standing-access-duration", `{"time":2,"unit":"h"}`, http.StatusOK, ""},
			{http.MethodGet, settings + "standing-access-duration", "", http.StatusOK,
				`{"ok":true,"standingAccessDuration":{"time":2,"unit":"h","value":"2 hours"}}`},
		},
		"expiry-key-display": {
			{http.MethodDelete, expiry + "/1h", "", http.StatusNoContent, ""},
			{http.MethodGet, expiry, "", http.StatusOK, ""},
			{http.MethodDelete, expiry + "/1%20hour", "", http.StatusNoContent, ""},
		},
		"expiry-key-display-404": {
			{http.MethodDelete, expiry + "/1h", "", http.StatusNotFound, ""},
			{http.MethodDelete, expiry + "/1%20hour", "", http.StatusNoContent, ""},
		},
		"workflow-version-in-get": {{http.MethodGet, "/o/" + testOrg + "/routing", "", http.StatusOK, ""}},
		"routing-camel": {
			{http.MethodPost, rule, snake, http.StatusBadRequest, `{"error":"unknown option require_reason"}`},
			{http.MethodPost, rule, camel, http.StatusOK,
				`{"approval":[{"options":{"requireReason":true},"type":"p0"}],"name":"r","requestor":{"type":"any"},"resource":{"type":"any"}}`},
		},
		"routing-camel-silent": {
			{http.MethodPost, rule, snake, http.StatusOK,
				`{"approval":[{"options":{},"type":"p0"}],"name":"r","requestor":{"type":"any"},"resource":{"type":"any"}}`},
			{http.MethodPut, rule, camel, http.StatusOK,
				`{"approval":[{"options":{"requireReason":true},"type":"p0"}],"name":"r","requestor":{"type":"any"},"resource":{"type":"any"}}`},
		},
		"routing-either": {
			{http.MethodPost, rule, snake, http.StatusOK,
				`{"approval":[{"options":{"require_reason":true},"type":"p0"}],"name":"r","requestor":{"type":"any"},"resource":{"type":"any"}}`},
			{http.MethodPut, rule, camel, http.StatusOK,
				`{"approval":[{"options":{"requireReason":true},"type":"p0"}],"name":"r","requestor":{"type":"any"},"resource":{"type":"any"}}`},
		},
		// The streams need a connection to read and to drop: TestCommandWait
		// and TestCommandWaitStream.
		"command-wait-stream": {
			{http.MethodPost, "/o/" + testOrg + "/command", `{"argv":["request","aws"],"scriptName":"p0"}`, http.StatusOK,
				`{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false}`},
		},
		// The polls' streams are read in TestCommandWait; here, the
		// submission is answered at once, as by today's P0.
		"command-poll-ends-pending": {
			{http.MethodPost, "/o/" + testOrg + "/command", `{"argv":["request","aws"],"scriptName":"p0","wait":true}`, http.StatusOK,
				`{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false}`},
		},
		"command-poll-drops": {
			{http.MethodPost, "/o/" + testOrg + "/command", `{"argv":["request","aws"],"scriptName":"p0","wait":true}`, http.StatusOK,
				`{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false}`},
		},
		"command-wait-drop": {
			{http.MethodPost, "/o/" + testOrg + "/command", `{"argv":["request","aws"],"scriptName":"p0"}`, http.StatusOK,
				`{"ok":true,"message":"Access request req-000002 submitted","id":"req-000002","isPreexisting":false,"isPersistent":false}`},
		},
		"aws-client-bodies": {
			{http.MethodPost, root, "", http.StatusOK, `{"ok":true}`},
			{http.MethodPut, item, `{"label":null,"state":null,"awsPartition":{"type":"aws"}}`, http.StatusOK, `{"ok":true}`},
			{http.MethodPost, item + "/verify", `{"label":null,"state":"","awsPartition":{"type":"aws"}}`, http.StatusOK, ""},
			{http.MethodPost, item + "/configure", `{"label":"prod","state":"","awsPartition":{"type":"aws"}}`, http.StatusOK, ""},
			{http.MethodGet, item, "", http.StatusOK, ""},
			{http.MethodPut, root + "/inventory/210987654321", `{"label":null,"tier":1}`, http.StatusBadRequest, ""},
		},
		"configure-replaces": {
			{http.MethodPost, "/o/" + testOrg + "/integrations/ssh/config", `{}`, http.StatusOK, ""},
			{http.MethodPut, "/o/" + testOrg + "/integrations/ssh/config/iam-write/aws:1", `{"groupKey":"ops"}`, http.StatusOK, ""},
			{http.MethodPost, "/o/" + testOrg + "/integrations/ssh/config/iam-write/aws:1/verify", `{"groupKey":"ops","state":""}`, http.StatusOK, ""},
			{http.MethodPost, "/o/" + testOrg + "/integrations/ssh/config/iam-write/aws:1/configure", `{"isSudoEnabled":true,"state":""}`, http.StatusOK, ""},
			{http.MethodGet, "/o/" + testOrg + "/integrations/ssh/config/iam-write/aws:1", "", http.StatusOK,
				`{"ok":true,"item":{"isSudoEnabled":true,"state":"installed"},"metadata":{}}`},
		},
		"routing-policy-routes": {
			{http.MethodGet, routing, "", http.StatusNotFound, ""},
			{http.MethodPost, rule, snake, http.StatusNotFound, ""},
			{http.MethodPost, policy + "/name/r", snake, http.StatusOK, ""},
			{http.MethodGet, rule, "", http.StatusNotFound, ""},
			{http.MethodGet, policy + "/name/r", "", http.StatusOK, ""},
			{http.MethodPost, routing, `{"workflow":{"rules":[]}}`, http.StatusOK, ""},
			{http.MethodGet, policy + "/latest", "", http.StatusOK, ""},
			{http.MethodDelete, policy + "/name/r", "", http.StatusNotFound, ""},
		},
	}
	for _, variant := range Variants() {
		t.Run(variant.Name, func(t *testing.T) {
			exchanges, ok := cases[variant.Name]
			if !ok {
				t.Fatalf("variant %s has no case here", variant.Name)
			}
			h := newHarness(t)
			h.server.SetBehavior(variant.Behavior)
			for _, e := range exchanges {
				rec := h.do(e.method, e.path, e.body)
				if rec.Code != e.status || (e.answer != "" && strings.TrimSpace(rec.Body.String()) != e.answer) {
					t.Fatalf("%s %s answered %d %s; want %d %s", e.method, e.path, rec.Code, rec.Body, e.status, e.answer)
				}
			}
		})
	}

	// The expiry option deleted by display value is gone; the one answered
	// 204 for the compact key was not.
	h := newHarness(t)
	h.server.SetBehavior(Behavior{ExpiryKey: ExpiryKeyDisplay})
	h.do(http.MethodDelete, expiry+"/5m", "")
	h.do(http.MethodDelete, expiry+"/1%20hour", "")
	if options := h.server.ExpiryOptions(); len(options) != 4 || options[0].Value != "5 minutes" {
		t.Fatalf("options after deleting 5m (compact) and 1 hour (display): %v; want only 1 hour gone", options)
	}

	// GET /policy/latest wraps the workflow.
	h.server.SetBehavior(Behavior{PolicyRoutes: true})
	h.server.PutRoutingRule(p0.RoutingRule{Name: "r", Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "p0"}}})
	if body := h.do(http.MethodGet, "/o/"+testOrg+"/policy/latest", "").Body.String(); !strings.HasPrefix(body, `{"workflow":{"createdDate":`) || !strings.Contains(body, `"name":"r"`) {
		t.Fatalf("GET /policy/latest = %s; want the workflow, wrapped", body)
	}

	// GET /routing carries the version, the workflow id, only in that
	// variant.
	h.server.SetBehavior(Behavior{WorkflowVersionInGet: true})
	if body := h.do(http.MethodGet, "/o/"+testOrg+"/routing", "").Body.String(); !strings.Contains(body, `"version":"v-wf-`) {
		t.Fatalf("GET /routing = %s; want a version", body)
	}
	h.server.SetBehavior(Behavior{})
	if body := h.do(http.MethodGet, "/o/"+testOrg+"/routing", "").Body.String(); strings.Contains(body, `"version"`) {
		t.Fatalf("GET /routing = %s; want no version", body)
	}
}

func TestParseVariants(t *testing.T) {
	b, err := ParseVariants("root-missing-409, iam-propagation,settings-unset-null")
	if err != nil {
		t.Fatal(err)
	}
	if b.RootMissingStatus != http.StatusConflict || !b.RootExistsConflict || b.VerifyRefusals != 2 || b.UnsetSettings != UnsetNull {
		t.Fatalf("combined behavior = %+v", b)
	}
	if b, err := ParseVariants(""); err != nil || b != (Behavior{}) {
		t.Fatalf("empty list = %+v, %v; want the documented behavior", b, err)
	}
	if _, err := ParseVariants("documented,no-such"); err == nil || !strings.Contains(err.Error(), `unknown variant "no-such"`) {
		t.Fatalf("unknown variant: %v", err)
	}
}
