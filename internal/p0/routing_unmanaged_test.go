package p0_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// heldRule is a rule as a P0 beyond the documents holds it: in camelCase,
// with fields the client does not model at every depth, an agentic
// requestor among them.
const heldRule = `{
  "name": "held", "disabled": false, "description": "kept at the top", "priority": 3,
  "requestor": {"type": "agentic", "agent": {"type": "mcp-client", "clientId": "c1", "id": "bot-1", "scopes": ["read"]},
    "user": {"type": "user", "uid": "u1", "email": "owner@example.com"}},
  "resource": {"type": "integration", "service": "ssh", "accessType": "all", "region": "eu",
    "filters": {"prod": {"effect": "keep", "key": "env", "pattern": "prod", "caseSensitive": true}}},
  "approval": [
    {"type": "group", "effect": "keep", "tier": 1,
     "groups": [{"directory": "okta", "id": "g1", "label": "Admins", "nested": {"a": [1, 2.50, null]}}],
     "options": {"requireReason": true, "requirePreapproval": true, "ttlHint": "1h"}},
    {"type": "p0", "options": {"autoEscalate": true}}
  ]
}`

func TestRuleDecodesBothSpellingsAndKeepsTheRest(t *testing.T) {
	var rule p0.RoutingRule
	if err := json.Unmarshal([]byte(heldRule), &rule); err != nil {
		t.Fatal(err)
	}
	if rule.Resource.AccessType != "all" || !*rule.Approval[0].Options.RequireReason || !*rule.Approval[0].Options.RequirePreapproval {
		t.Fatalf("camelCase fields not read: %+v", rule)
	}
	if rule.Approval[0].Groups[0].Label != "Admins" || rule.Approval[0].Effect != "keep" {
		t.Fatalf("groups not read: %+v", rule.Approval[0])
	}
	if a, u := rule.Requestor.Agent, rule.Requestor.User; a == nil || a.ClientID != "c1" || u == nil || u.UID != "u1" {
		t.Fatalf("agentic requestor not read: %+v", rule.Requestor)
	}
	want := []string{
		"description", "priority", "requestor.agent.id", "requestor.agent.scopes", "requestor.user.email", "resource.region",
		`resource.filters["prod"].caseSensitive`, "approval[0].tier", "approval[0].groups[0].nested",
		"approval[0].options.ttlHint", "approval[1].options.autoEscalate",
	}
	if got := rule.UnmanagedFields(); !reflect.DeepEqual(got, want) {
		t.Errorf("UnmanagedFields() =\n %q\nwant\n %q", got, want)
	}
	if options := rule.Approval[1].Options; options == nil || options.SetsModeled() {
		t.Errorf("options with only P0's own fields: %+v, want them read, setting nothing the client models", options)
	}

	// Written again, in the documents' spelling, every value P0 sent comes
	// back as sent (2.50 stays 2.50); the camelCase names are the documents' now.
	encoded, err := json.Marshal(rule)
	if err != nil {
		t.Fatal(err)
	}
	text := string(encoded)
	for _, kept := range []string{`"client_id":"c1","id":"bot-1","scopes":["read"],"type":"mcp-client"`, `"nested":{"a":[1,2.50,null]}`, `"ttlHint":"1h"`, `"priority":3`} {
		if !strings.Contains(text, kept) {
			t.Errorf("the encoded rule lacks %s: %s", kept, text)
		}
	}
	for _, name := range []string{`"access_type":"all"`, `"require_reason":true`, `"require_preapproval":true`} {
		if !strings.Contains(text, name) {
			t.Errorf("the encoded rule lacks %s: %s", name, text)
		}
	}
	if strings.Contains(text, "requireReason") || strings.Contains(text, "accessType") {
		t.Errorf("a field is sent in both spellings: %s", text)
	}
}

// TestKeepUnmanaged checks what a write keeps of what P0 held, object by
// object, as the configuration changes around it.
func TestKeepUnmanaged(t *testing.T) {
	var held p0.RoutingRule
	if err := json.Unmarshal([]byte(heldRule), &held); err != nil {
		t.Fatal(err)
	}
	yes := true
	configured := func() p0.RoutingRule {
		return p0.RoutingRule{
			Name:      "held",
			Requestor: p0.RuleRequestor{Type: "agentic", Agent: &p0.RequestorAgent{Type: "mcp-client", ClientID: "c1"}, User: &p0.RequestorUser{Type: "user", UID: "u1"}},
			Resource: p0.RuleResource{Type: "integration", Service: "ssh", AccessType: "all",
				Filters: map[string]p0.ResourceFilter{"prod": {Effect: "keep", Key: "env", Pattern: "prod"}, "new": {Effect: "remove"}}},
			Approval: []p0.Approval{
				{Type: "group", Effect: "keep", Groups: []p0.Group{{Directory: "okta", ID: "g2"}, {Directory: "okta", ID: "g1", Label: "Admins"}},
					Options: &p0.ApprovalOptions{RequireReason: &yes}},
				{Type: "p0"},
			},
		}
	}
	tests := []struct {
		name        string
		change      func(*p0.RoutingRule)
		wantKept    []string
		wantDropped []string
	}{
		{"nothing changed but what is modeled", func(*p0.RoutingRule) {}, []string{
			"description", "priority", "requestor.agent.id", "requestor.agent.scopes", "requestor.user.email", "resource.region",
			`resource.filters["prod"].caseSensitive`, "approval[0].tier", "approval[0].groups[1].nested",
			"approval[0].options.ttlHint", "approval[1].options.autoEscalate",
		}, nil},
		{"requestor type changes", func(r *p0.RoutingRule) { r.Requestor = p0.RuleRequestor{Type: "any"} }, []string{
			"description", "priority", "resource.region",
			`resource.filters["prod"].caseSensitive`, "approval[0].tier", "approval[0].groups[1].nested",
			"approval[0].options.ttlHint", "approval[1].options.autoEscalate",
		}, []string{"requestor.agent.id", "requestor.agent.scopes", "requestor.user.email"}},
		{"step types change and a filter goes", func(r *p0.RoutingRule) {
			r.Approval = []p0.Approval{{Type: "auto"}}
			delete(r.Resource.Filters, "prod")
		}, []string{"description", "priority", "requestor.agent.id", "requestor.agent.scopes", "requestor.user.email", "resource.region"},
			[]string{"approval[0].tier", "approval[0].groups[0].nested", "approval[0].options.ttlHint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := configured()
			tt.change(&rule)
			got, kept := p0.KeepUnmanaged(rule, held)
			if !reflect.DeepEqual(kept.Kept, tt.wantKept) || !reflect.DeepEqual(kept.Dropped, tt.wantDropped) {
				t.Errorf("kept %q\n dropped %q\nwant kept %q\n dropped %q", kept.Kept, kept.Dropped, tt.wantKept, tt.wantDropped)
			}
			if fields := got.UnmanagedFields(); !reflect.DeepEqual(fields, tt.wantKept) {
				t.Errorf("the rule to write holds %q, want %q", fields, tt.wantKept)
			}
		})
	}

	// What is kept is the configured rule's: the caller's rule is not
	// changed, and modeled fields are as configured.
	rule := configured()
	got, _ := p0.KeepUnmanaged(rule, held)
	if rule.HasUnmanaged() {
		t.Error("KeepUnmanaged changed the rule it was given")
	}
	if got.Approval[0].Options.RequirePreapproval != nil || got.Approval[0].Groups[0].ID != "g2" {
		t.Errorf("a modeled field came back from what P0 held: %+v", got.Approval[0])
	}
	if got.Approval[1].Options == nil || !reflect.DeepEqual(got.Approval[1].Options.Unmanaged, held.Approval[1].Options.Unmanaged) {
		t.Errorf("options P0 held with only its own fields were not kept: %+v", got.Approval[1].Options)
	}
}

// TestKeepUnmanagedFollowsTheSteps removes and reorders approval steps:
// each keeps what P0 held in it, and no step takes another's fields.
func TestKeepUnmanagedFollowsTheSteps(t *testing.T) {
	step := func(group, extra string) p0.Approval {
		return p0.Approval{Type: "group", Groups: []p0.Group{{Directory: "okta", ID: group}},
			Unmanaged: p0.Unmanaged{extra: json.RawMessage(`"` + group + `"`)}}
	}
	held := p0.RoutingRule{Name: "r", Approval: []p0.Approval{step("g1", "tier"), step("g2", "escalation"), {Type: "p0"}}}
	configured := func(steps ...p0.Approval) p0.RoutingRule {
		for i := range steps {
			steps[i].Unmanaged = nil
		}
		return p0.RoutingRule{Name: "r", Approval: steps}
	}
	tests := []struct {
		name string
		rule p0.RoutingRule
		want map[string]string // path: the value kept there
	}{
		{"the first step removed", configured(step("g2", "")), map[string]string{"approval[0].escalation": "g2"}},
		{"steps reordered", configured(p0.Approval{Type: "p0"}, step("g2", ""), step("g1", "")),
			map[string]string{"approval[1].escalation": "g2", "approval[2].tier": "g1"}},
		{"a step edited in place", configured(step("g3", ""), step("g2", "")),
			map[string]string{"approval[0].tier": "g1", "approval[1].escalation": "g2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, kept := p0.KeepUnmanaged(tt.rule, held)
			if len(kept.Kept) != len(tt.want) || len(kept.Dropped) > 0 {
				t.Errorf("kept %q, dropped %q; want kept %v", kept.Kept, kept.Dropped, tt.want)
			}
			values := map[string]string{}
			for i, s := range got.Approval {
				for name, value := range s.Unmanaged {
					values[fmt.Sprintf("approval[%d].%s", i, name)] = strings.Trim(string(value), `"`)
				}
			}
			if !reflect.DeepEqual(values, tt.want) {
				t.Errorf("the steps to write hold %v; want %v", values, tt.want)
			}
		})
	}
}

// TestKeptNeverBringsBackAModeledField: whatever the kept fields hold under
// a modeled field's name, in either spelling, the write says what the
// configuration says, once.
func TestKeptNeverBringsBackAModeledField(t *testing.T) {
	no := false
	rule := p0.RoutingRule{Name: "r", Requestor: p0.RuleRequestor{Type: "any"}, Resource: p0.RuleResource{Type: "any"},
		Approval: []p0.Approval{{Type: "p0", Options: &p0.ApprovalOptions{AllowOneParty: &no,
			Unmanaged: p0.Unmanaged{"requireReason": json.RawMessage(`true`), "allow_one_party": json.RawMessage(`true`), "tier": json.RawMessage(`2`)}}}}}
	encoded, err := json.Marshal(rule)
	if err != nil {
		t.Fatal(err)
	}
	var sent map[string]any
	if err := json.Unmarshal(encoded, &sent); err != nil {
		t.Fatal(err)
	}
	options := valueAt(t, sent, "approval", 0, "options")
	if want := map[string]any{"allow_one_party": false, "tier": float64(2)}; !reflect.DeepEqual(options, want) {
		t.Errorf("options sent = %v, want %v", options, want)
	}
}

func TestAWSItemKeepsUnmanaged(t *testing.T) {
	var held p0.AWSItem
	if err := json.Unmarshal([]byte(`{"state":"installed","label":"l","tier":"gold",
		"login":{"type":"idc","parent":"1","identity":{"type":"email","domain":"example.com"}}}`), &held); err != nil {
		t.Fatal(err)
	}
	want := p0.AWSItem{Label: "new", Login: &p0.AWSLogin{Type: "idc", Identity: &p0.AWSLoginIdentity{Type: "tag", TagName: "user"}}}
	got, kept := want.KeepUnmanaged(held)
	if !reflect.DeepEqual(kept.Kept, []string{"tier", "login.parent"}) || !reflect.DeepEqual(kept.Dropped, []string{"login.identity.domain"}) {
		t.Errorf("kept %q, dropped %q", kept.Kept, kept.Dropped)
	}
	if string(got.Unmanaged["tier"]) != `"gold"` || string(got.Login.Unmanaged["parent"]) != `"1"` || got.Login.Identity.Unmanaged != nil {
		t.Errorf("item to configure = %+v, login %+v", got, got.Login)
	}
	if want.Login.Unmanaged != nil {
		t.Error("KeepUnmanaged changed the item it was given")
	}
	if configuration := held.Configuration(); configuration.State != "" || configuration.Unmanaged == nil || configuration.Login.Unmanaged == nil {
		t.Errorf("Configuration() = %+v; want the state left out and every field P0 holds kept", configuration)
	}
}

// TestOwnerGroupAgentGroupsAsP0HoldsThem checks that an owner-group
// agent's groups, which P0 holds inside an object with their effect, read
// as the agent's groups and effect, and are written back in that form; an
// agent of another type keeps its groups a list.
func TestOwnerGroupAgentGroupsAsP0HoldsThem(t *testing.T) {
	const held = `{"type":"agentic","agent":{"type":"owner-group","groups":{"type":"group","groups":[{"directory":"okta","id":"g1","label":"Admins"}],"effect":"keep"}},"user":{"type":"any"}}`
	var requestor p0.RuleRequestor
	if err := json.Unmarshal([]byte(held), &requestor); err != nil {
		t.Fatal(err)
	}
	groups := requestor.Agent.Groups
	if !groups.Wrapped || groups.Effect != "keep" || len(groups.Groups) != 1 || groups.Groups[0].ID != "g1" {
		t.Fatalf("owner-group groups read as %+v", groups)
	}
	encoded, err := json.Marshal(requestor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(encoded), `"groups":{"effect":"keep","groups":[{"directory":"okta","id":"g1","label":"Admins"}],"type":"group"}`) {
		t.Errorf("written as %s", encoded)
	}
	listed := p0.RuleRequestor{Type: "agentic", Agent: &p0.RequestorAgent{Type: "agent-owner", Groups: p0.AgentGroups{Groups: []p0.Group{{Directory: "okta", ID: "g2"}}}}}
	if encoded, _ := json.Marshal(listed); !strings.Contains(string(encoded), `"groups":[{"directory":"okta","id":"g2"}]`) {
		t.Errorf("a listed agent's groups written as %s", encoded)
	}
}
