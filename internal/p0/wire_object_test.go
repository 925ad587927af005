package p0_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// oddRule is a rule as P0 may hold it: numbers and booleans spelled as
// strings, which read as what they spell, and values that cannot be read
// as their field's type at every depth.
const oddRule = `{"name":"odd","disabled":"false","requestor":{"type":"user","uid":7},
 "resource":{"type":"integration","service":"aws","filters":{"env":{"effect":"keep","value":"yes"}}},
 "approval":[{"type":"p0","services":"slack","options":{"cooldown":"60","require_reason":"true","allowOneParty":1,
  "duration":"soon","tier":2}}]}`

// TestOddValuesAreReadOrKept: a rule whose values P0 returns with another
// JSON type decodes; what spells its field's type is read as that; what
// cannot be read is named and kept, and a write sends it back unchanged
// while the field is left unset, or sends the value set in its place.
func TestOddValuesAreReadOrKept(t *testing.T) {
	var rule p0.RoutingRule
	if err := json.Unmarshal([]byte(oddRule), &rule); err != nil {
		t.Fatalf("one odd value broke the decode of the rule: %v", err)
	}
	options := rule.Approval[0].Options
	if rule.Disabled || options.Cooldown == nil || *options.Cooldown != 60 || options.RequireReason == nil || !*options.RequireReason {
		t.Errorf("values spelled as strings were not read as what they spell: disabled %v, options %+v", rule.Disabled, options)
	}
	var unreadable []string
	for _, f := range rule.UnreadableFields() {
		unreadable = append(unreadable, f.Path+"="+string(f.Value)+" ("+f.Want+")")
	}
	want := []string{
		`requestor.uid=7 (a string)`,
		`resource.filters["env"].value="yes" (true or false)`,
		`approval[0].services="slack" (a list of strings)`,
		`approval[0].options.allowOneParty=1 (true or false)`,
		`approval[0].options.duration="soon" (a whole number)`,
	}
	if !reflect.DeepEqual(unreadable, want) {
		t.Errorf("unreadable fields = %q, want %q", unreadable, want)
	}
	if rule.Requestor.UID != "" || options.AllowOneParty != nil || options.Duration != nil || rule.Approval[0].Services != nil {
		t.Errorf("an unreadable value left something in its field: %+v, %+v", rule.Requestor, options)
	}

	// Written back as it was read: every unreadable value as P0 holds it.
	sent := encoded(t, rule)
	for path, want := range map[string]any{
		"uid": float64(7), "services": "slack", "allowOneParty": float64(1), "duration": "soon", "cooldown": float64(60),
	} {
		var got any
		switch path {
		case "uid":
			got = valueAt(t, sent, "requestor", "uid")
		case "services":
			got = valueAt(t, sent, "approval", 0, "services")
		default:
			got = valueAt(t, sent, "approval", 0, "options", path)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s sent as %v, want %v", path, got, want)
		}
	}
	if value := valueAt(t, sent, "resource", "filters", "env", "value"); value != "yes" {
		t.Errorf("the filter's value sent as %v, want \"yes\"", value)
	}

	// Set by the configuration, the field is sent as set, once.
	duration, yes := int64(30), true
	options.Duration, options.AllowOneParty = &duration, &yes
	sentOptions := valueAt(t, encoded(t, rule), "approval", 0, "options").(map[string]any)
	if sentOptions["duration"] != float64(30) || sentOptions["allowOneParty"] != nil || sentOptions["allow_one_party"] != true {
		t.Errorf("options sent = %v; want duration 30 and allow_one_party true in place of P0's values", sentOptions)
	}
}

// TestOddValueBreaksNoOtherRule: a workflow with one odd rule decodes, and
// the other rules hold nothing unreadable.
func TestOddValueBreaksNoOtherRule(t *testing.T) {
	var workflow p0.Workflow
	body := `{"id":"wf-1","rules":[` + oddRule + `,{"name":"plain","requestor":{"type":"any"},"resource":{"type":"any"},"approval":[{"type":"auto"}]}]}`
	if err := json.Unmarshal([]byte(body), &workflow); err != nil {
		t.Fatalf("one odd rule broke the decode of the workflow: %v", err)
	}
	if len(workflow.Rules) != 2 || len(workflow.Rules[0].UnreadableFields()) == 0 || len(workflow.Rules[1].UnreadableFields()) != 0 {
		t.Errorf("rules = %+v; want the odd one alone with unreadable fields", workflow.Rules)
	}
}

// encoded is v as the JSON a write sends, decoded.
func encoded(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
