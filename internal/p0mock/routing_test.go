package p0mock

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// validRule is a rule that uses most fields, so that round trips are
// checked on all of them.
func validRule(name string) p0.RoutingRule {
	cooldown := int64(30)
	return p0.RoutingRule{
		Name:      name,
		Requestor: p0.RuleRequestor{Type: "group", UID: "engineering"},
		Resource: p0.RuleResource{
			Type:    "integration",
			Service: "aws",
			Filters: map[string]p0.ResourceFilter{
				"prod": {Effect: "remove", Key: "tag:env", Pattern: "prod.*"},
				"ro":   {Effect: "keep", Value: boolPointer(true)},
			},
		},
		Approval: []p0.Approval{{
			Type:            "requestor-profile",
			Directory:       "okta",
			ProfileProperty: "manager",
			Services:        []string{"slack"},
			Options:         &p0.ApprovalOptions{AllowOneParty: boolPointer(true), Cooldown: &cooldown},
		}},
	}
}

func ruleJSON(t *testing.T, name string) string {
	t.Helper()
	return mustJSON(t, validRule(name))
}

func rulePath(name string) string { return orgPath + "/routing/name/" + name }

func TestRoutingRuleLifecycle(t *testing.T) {
	h := newHarness(t)
	updated := validRule("r1")
	updated.Disabled = true
	updated.Approval = []p0.Approval{{Type: "auto"}}

	h.runCalls([]call{
		{"read missing", http.MethodGet, rulePath("r1"), "", http.StatusNotFound, `routing rule "r1" not found`},
		{"update missing", http.MethodPut, rulePath("r1"), ruleJSON(t, "r1"), http.StatusNotFound, `routing rule "r1" not found`},
		{"delete missing", http.MethodDelete, rulePath("r1"), "", http.StatusNotFound, `routing rule "r1" not found`},
		{"create", http.MethodPost, rulePath("r1"), ruleJSON(t, "r1"), http.StatusOK, ""},
		{"create again", http.MethodPost, rulePath("r1"), ruleJSON(t, "r1"), http.StatusConflict, `routing rule "r1" already exists`},
		{"read", http.MethodGet, rulePath("r1"), "", http.StatusOK, ""},
		{"update", http.MethodPut, rulePath("r1"), mustJSON(t, updated), http.StatusOK, ""},
	})
	got, found := h.server.RoutingRule("r1")
	if !found || !reflect.DeepEqual(got, updated) {
		t.Fatalf("stored rule = %+v, %v; want %+v", got, found, updated)
	}
	h.runCalls([]call{
		{"delete", http.MethodDelete, rulePath("r1"), "", http.StatusNoContent, ""},
		{"read deleted", http.MethodGet, rulePath("r1"), "", http.StatusNotFound, "not found"},
	})
	if rules := h.server.RoutingRules(); len(rules) != 0 {
		t.Errorf("rules after delete = %+v, want none", rules)
	}
}

func TestRoutingRuleAnswersTheStoredRule(t *testing.T) {
	for _, method := range []string{http.MethodPost, http.MethodPut} {
		t.Run(method, func(t *testing.T) {
			h := newHarness(t)
			if method == http.MethodPut {
				h.server.PutRoutingRule(validRule("r"))
			}
			body := validRule("")
			rec := h.do(method, rulePath("r"), mustJSON(t, body))
			expectStatus(t, rec, http.StatusOK)
			want := validRule("r") // the name comes from the path
			if got := decodeBody[p0.RoutingRule](t, rec); !reflect.DeepEqual(got, want) {
				t.Errorf("answer = %+v, want %+v", got, want)
			}
			read := h.do(http.MethodGet, rulePath("r"), "")
			if got := decodeBody[p0.RoutingRule](t, read); !reflect.DeepEqual(got, want) {
				t.Errorf("read back = %+v, want %+v", got, want)
			}
		})
	}
}

func TestRoutingRuleValidation(t *testing.T) {
	tests := []struct {
		name      string
		change    func(*p0.RoutingRule)
		wantError string
	}{
		{"name differs from path", func(r *p0.RoutingRule) { r.Name = "other" }, `name "other" in the body does not match "r" in the path`},
		{"requestor type missing", func(r *p0.RoutingRule) { r.Requestor = p0.RuleRequestor{} }, "requestor.type is required"},
		{"group without uid or groups", func(r *p0.RoutingRule) { r.Requestor.UID = "" }, "requestor.uid or requestor.groups is required when requestor.type is group"},
		{"user without uid", func(r *p0.RoutingRule) { r.Requestor = p0.RuleRequestor{Type: "user"} }, "requestor.uid is required when requestor.type is user"},
		{"resource type missing", func(r *p0.RoutingRule) { r.Resource = p0.RuleResource{} }, "resource.type is required"},
		{"integration without service", func(r *p0.RoutingRule) { r.Resource.Service = "" }, "resource.service is required when resource.type is integration"},
		{"filter without effect", func(r *p0.RoutingRule) { r.Resource.Filters["prod"] = p0.ResourceFilter{Key: "env"} }, `resource.filters["prod"].effect is required`},
		{"no approval", func(r *p0.RoutingRule) { r.Approval = nil }, "approval must have at least one step"},
		{"approval type missing", func(r *p0.RoutingRule) { r.Approval = append(r.Approval, p0.Approval{Directory: "okta"}) }, "approval[1].type is required"},
	}
	for _, tt := range tests {
		for _, method := range []string{http.MethodPost, http.MethodPut} {
			t.Run(tt.name+"/"+method, func(t *testing.T) {
				h := newHarness(t)
				h.server.PutRoutingRule(validRule("existing"))
				path := rulePath("r")
				if method == http.MethodPut {
					h.server.PutRoutingRule(validRule("r"))
				}
				before := h.server.RoutingRules()
				rule := validRule("r")
				tt.change(&rule)
				expectError(t, h.do(method, path, mustJSON(t, rule)), http.StatusBadRequest, tt.wantError)
				if after := h.server.RoutingRules(); !reflect.DeepEqual(after, before) {
					t.Errorf("a refused write changed the rules: %+v", after)
				}
			})
		}
	}
}

func TestRoutingRulesAcceptEveryDocumentedValue(t *testing.T) {
	h := newHarness(t)
	for _, requestor := range p0.RequestorTypes {
		for _, approval := range p0.ApprovalTypes {
			rule := validRule(requestor + "-" + approval)
			rule.Requestor.Type = requestor
			rule.Approval[0].Type = approval
			rule.Resource.Filters["all"] = p0.ResourceFilter{Effect: "removeAll"}
			expectStatus(t, h.do(http.MethodPost, rulePath(rule.Name), mustJSON(t, rule)), http.StatusOK)
		}
	}
	anyResource := p0.RoutingRule{Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"}, Approval: []p0.Approval{{Type: "deny"}}}
	expectStatus(t, h.do(http.MethodPost, rulePath("any"), mustJSON(t, anyResource)), http.StatusOK)
	if got, want := len(h.server.RoutingRules()), len(p0.RequestorTypes)*len(p0.ApprovalTypes)+1; got != want {
		t.Errorf("%d rules stored, want %d", got, want)
	}
}

func TestRoutingRulesKeepWorkflowOrder(t *testing.T) {
	h := newHarness(t)
	for _, name := range []string{"c", "a", "b"} {
		expectStatus(t, h.do(http.MethodPost, rulePath(name), ruleJSON(t, name)), http.StatusOK)
	}
	update := validRule("a")
	update.Disabled = true
	expectStatus(t, h.do(http.MethodPut, rulePath("a"), mustJSON(t, update)), http.StatusOK)
	expectStatus(t, h.do(http.MethodDelete, rulePath("c"), ""), http.StatusNoContent)
	expectStatus(t, h.do(http.MethodPost, rulePath("d"), ruleJSON(t, "d")), http.StatusOK)

	workflow := decodeBody[p0.Workflow](t, h.do(http.MethodGet, orgPath+"/routing", ""))
	if got := ruleNames(workflow.Rules); got != "a,b,d" {
		t.Errorf("rule order = %s, want a,b,d (insertion order, updates in place)", got)
	}
	if !workflow.Rules[0].Disabled {
		t.Error("the update of a was not kept")
	}
}

func ruleNames(rules []p0.RoutingRule) string {
	names := make([]string, len(rules))
	for i, rule := range rules {
		names[i] = rule.Name
	}
	return strings.Join(names, ",")
}

func TestWorkflowVersions(t *testing.T) {
	h := newHarness(t)
	empty := h.do(http.MethodGet, orgPath+"/routing", "")
	expectStatus(t, empty, http.StatusOK)
	if !strings.Contains(empty.Body.String(), `"rules":[]`) {
		t.Errorf("an empty workflow must list rules as [], got %s", empty.Body)
	}
	first := decodeBody[p0.Workflow](t, empty)
	if first.ID == "" || first.ID != h.server.WorkflowVersion() {
		t.Fatalf("workflow id = %q, WorkflowVersion = %q", first.ID, h.server.WorkflowVersion())
	}
	if _, err := time.Parse(time.RFC3339, first.CreatedDate); err != nil {
		t.Errorf("createdDate %q is not RFC 3339: %v", first.CreatedDate, err)
	}

	// Every kind of change makes a new version.
	changes := []func(){
		func() { h.do(http.MethodPost, rulePath("a"), ruleJSON(t, "a")) },
		func() { h.do(http.MethodPut, rulePath("a"), ruleJSON(t, "a")) },
		func() { h.do(http.MethodDelete, rulePath("a"), "") },
		func() {
			h.do(http.MethodPost, orgPath+"/routing", mustJSON(t, p0.SaveWorkflowRequest{Workflow: p0.Workflow{Rules: []p0.RoutingRule{validRule("b")}}}))
		},
		func() { h.server.PutRoutingRule(validRule("c")) },
		func() { h.server.DeleteRoutingRule("c") },
	}
	seen := map[string]bool{first.ID: true}
	for i, change := range changes {
		change()
		version := h.server.WorkflowVersion()
		if seen[version] {
			t.Fatalf("change %d did not make a new version (still %q)", i, version)
		}
		seen[version] = true
	}

	// Refused changes do not.
	current := h.server.WorkflowVersion()
	h.do(http.MethodPost, rulePath("b"), ruleJSON(t, "b")) // already exists
	h.do(http.MethodDelete, rulePath("missing"), "")
	if h.server.WorkflowVersion() != current {
		t.Error("a refused change made a new version")
	}

	old := h.do(http.MethodGet, orgPath+"/routing/"+first.ID, "")
	expectStatus(t, old, http.StatusOK)
	if got := decodeBody[p0.Workflow](t, old); got.ID != first.ID || len(got.Rules) != 0 {
		t.Errorf("first version read back = %+v, want it unchanged with no rules", got)
	}
	latest := decodeBody[p0.Workflow](t, h.do(http.MethodGet, orgPath+"/routing/"+current, ""))
	if ruleNames(latest.Rules) != "b" {
		t.Errorf("current version rules = %s, want b", ruleNames(latest.Rules))
	}
	expectError(t, h.do(http.MethodGet, orgPath+"/routing/no-such-version", ""), http.StatusNotFound, `workflow version "no-such-version" not found`)
}

func TestSaveWorkflow(t *testing.T) {
	save := func(current string, rules ...p0.RoutingRule) p0.SaveWorkflowRequest {
		return p0.SaveWorkflowRequest{CurrentVersion: current, Workflow: p0.Workflow{Rules: rules}}
	}
	invalid := validRule("bad")
	invalid.Requestor = p0.RuleRequestor{Type: "user"}

	tests := []struct {
		name       string
		body       func(current string) p0.SaveWorkflowRequest
		wantStatus int
		wantError  string
		wantRules  string
	}{
		{"with the current version", func(c string) p0.SaveWorkflowRequest { return save(c, validRule("x"), validRule("y")) }, http.StatusOK, "", "x,y"},
		{"without a version", func(string) p0.SaveWorkflowRequest { return save("", validRule("y"), validRule("x")) }, http.StatusOK, "", "y,x"},
		{"no rules", func(c string) p0.SaveWorkflowRequest { return save(c) }, http.StatusOK, "", ""},
		{"stale version", func(string) p0.SaveWorkflowRequest { return save("wf-stale", validRule("x")) }, http.StatusConflict, `workflow version "wf-stale" is stale; current version is`, "old"},
		{"duplicate names", func(c string) p0.SaveWorkflowRequest { return save(c, validRule("x"), validRule("x")) }, http.StatusBadRequest, `workflow.rules[1]: duplicate rule name "x"`, "old"},
		{"invalid rule", func(c string) p0.SaveWorkflowRequest { return save(c, validRule("x"), invalid) }, http.StatusBadRequest, "workflow.rules[1]: requestor.uid is required when requestor.type is user", "old"},
		{"rule without name", func(c string) p0.SaveWorkflowRequest { return save(c, validRule("")) }, http.StatusBadRequest, "workflow.rules[0]: name is required", "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.server.PutRoutingRule(validRule("old"))
			before := h.server.WorkflowVersion()
			rec := h.do(http.MethodPost, orgPath+"/routing", mustJSON(t, tt.body(before)))
			if tt.wantError != "" {
				expectError(t, rec, tt.wantStatus, tt.wantError)
				if h.server.WorkflowVersion() != before {
					t.Error("a refused save made a new version")
				}
			} else {
				expectStatus(t, rec, tt.wantStatus)
				answer := decodeBody[p0.SaveWorkflowResponse](t, rec)
				if answer.Version == before || answer.Version != h.server.WorkflowVersion() {
					t.Errorf("answered version %q; before %q, now %q", answer.Version, before, h.server.WorkflowVersion())
				}
				if answer.Rules == nil || ruleNames(answer.Rules) != tt.wantRules {
					t.Errorf("answered rules %v, want %q", answer.Rules, tt.wantRules)
				}
			}
			if got := ruleNames(h.server.RoutingRules()); got != tt.wantRules {
				t.Errorf("stored rules = %q, want %q", got, tt.wantRules)
			}
		})
	}
}
