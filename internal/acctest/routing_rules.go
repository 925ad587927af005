package acctest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
)

// RoutingVariants are the mock's answers to how P0 spells and routes
// routing rules, the documented one first.
var RoutingVariants = []string{"documented", "routing-camel", "routing-camel-silent", "routing-either", "routing-policy-routes"}

// HeldRule is a rule a P0 beyond the documents holds, as P0 stores it
// (seed), and the configuration that manages it (hcl, the attributes of a
// p0_routing_rule or of a workflow's rule), under which it is imported
// with nothing to change.
type HeldRule struct {
	name, label string
	seed        string
	Hcl         string
	// unmanaged are the fields the provider does not model, by path, with
	// their JSON as seeded: every write must send them back as they are.
	Unmanaged map[string]string
}

// AgenticRequestorHCL is the requestor of HeldRules' agentic rule.
const AgenticRequestorHCL = `{ type = "agentic", agent = { type = "mcp-client", client_id = "c-7" }, user = { type = "user", uid = "u-1" } }`

// HeldRules are an agentic requestor's rule, with fields the provider does
// not model at every depth, and a rule in the form P0's own client writes
// (a group named by groups and effect, camelCase options), with types the
// documents do not list.
var HeldRules = []HeldRule{{
	name: "Agents", label: "agents",
	seed: `{"name": "Agents", "disabled": false, "description": "made by P0's own client",
  "requestor": {"type": "agentic", "agent": {"type": "mcp-client", "client_id": "c-7", "id": "agent-7", "scopes": ["deploy"]},
    "user": {"type": "user", "uid": "u-1", "email": "owner@example.com"}},
  "resource": {"type": "integration", "service": "ssh", "access_type": "all", "region": "eu"},
  "approval": [
    {"type": "group", "effect": "keep", "tier": 2,
     "groups": [{"directory": "okta", "id": "00g1", "label": "SRE", "weight": 1.50}],
     "options": {"require_reason": true, "require_preapproval": true, "ttl_hint": "1h"}},
    {"type": "p0", "options": {"autoEscalate": true}}]}`,
	Hcl: `
  name      = "Agents"
  requestor = ` + AgenticRequestorHCL + `
  resource  = { type = "integration", service = "ssh", access_type = "all" }
  approval = [
    {
      type    = "group"
      effect  = "keep"
      groups  = [{ directory = "okta", id = "00g1", label = "SRE" }]
      options = { require_reason = true, require_preapproval = true }
    },
    { type = "p0" },
  ]
`,
	Unmanaged: map[string]string{
		"description":                     `"made by P0's own client"`,
		"requestor.agent.id":              `"agent-7"`,
		"requestor.agent.scopes":          `["deploy"]`,
		"requestor.user.email":            `"owner@example.com"`,
		"resource.region":                 `"eu"`,
		"approval.0.tier":                 `2`,
		"approval.0.groups.0.weight":      `1.50`,
		"approval.0.options.ttl_hint":     `"1h"`,
		"approval.1.options.autoEscalate": `true`,
	},
}, {
	name: "Break glass", label: "break_glass",
	seed: `{"name": "Break glass", "disabled": true,
  "requestor": {"type": "group", "effect": "keep", "groups": [{"directory": "azure-ad", "id": "g-2", "label": "On call"}]},
  "resource": {"type": "integration", "service": "aws",
    "filters": {"prod": {"effect": "keepIf", "key": "env", "pattern": "prod", "caseSensitive": true}}},
  "approval": [{"type": "manager-chain", "levels": 2,
    "options": {"breakGlassApprover": true, "requireDuration": true, "allowOneParty": false}}]}`,
	Hcl: `
  name      = "Break glass"
  disabled  = true
  requestor = { type = "group", effect = "keep", groups = [{ directory = "azure-ad", id = "g-2", label = "On call" }] }
  resource = {
    type    = "integration"
    service = "aws"
    filters = { prod = { effect = "keepIf", key = "env", pattern = "prod" } }
  }
  approval = [{
    type    = "manager-chain"
    options = { break_glass_approver = true, require_duration = true, allow_one_party = false }
  }]
`,
	Unmanaged: map[string]string{
		"resource.filters.prod.caseSensitive": `true`,
		"approval.0.levels":                   `2`,
	},
}}

// seed stores the held rules in env's P0.
func SeedHeldRules(env *TestEnv) {
	for _, rule := range HeldRules {
		env.Mock.SeedRoutingRule(rule.seed)
	}
}

// ruleHCL is a p0_routing_rule block of the held rule, with the
// attributes changed by edit (old text, new text, ...).
func (h HeldRule) ResourceHCL(edit ...string) string {
	return fmt.Sprintf("resource \"p0_routing_rule\" %q {%s}\n", h.label, h.edited(edit...))
}

func (h HeldRule) edited(edit ...string) string {
	return strings.NewReplacer(edit...).Replace(h.Hcl)
}

// CheckKept checks, in the JSON P0 stores for the rule named name, that
// each field at a path of kept holds exactly its JSON (numbers as written),
// and that no field at a path of gone is there.
func (e *TestEnv) CheckKept(name string, kept map[string]string, gone ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, ok := e.Mock.RoutingRuleJSON(name)
		if !ok {
			return fmt.Errorf("P0 has no rule %q", name)
		}
		for path, want := range kept {
			got, found := JSONAt(stored, path)
			if !found {
				return fmt.Errorf("rule %q lost %s, which the provider does not manage: P0 holds %s", name, path, JSONText(stored))
			}
			if text := CompactJSON(got); text != CompactJSON(json.RawMessage(want)) {
				return fmt.Errorf("rule %q holds %s = %s, want %s as P0 held it", name, path, text, want)
			}
		}
		for _, path := range gone {
			if _, found := JSONAt(stored, path); found {
				return fmt.Errorf("rule %q still holds %s: %s", name, path, JSONText(stored))
			}
		}
		return nil
	}
}

// CheckSpelling checks that P0 stores the rule's two-spelling fields as
// the variant takes them: the field at path, spelt snake or camel.
func (e *TestEnv) CheckSpelling(name, variant, at, snake, camel string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, ok := e.Mock.RoutingRuleJSON(name)
		if !ok {
			return fmt.Errorf("P0 has no rule %q", name)
		}
		want, other := snake, camel
		if strings.HasPrefix(variant, "routing-camel") {
			want, other = camel, snake
		}
		if _, found := JSONAt(stored, at+"."+want); !found {
			return fmt.Errorf("rule %q has no %s.%s: %s", name, at, want, JSONText(stored))
		}
		if _, found := JSONAt(stored, at+"."+other); found {
			return fmt.Errorf("rule %q has %s.%s beside %s: %s", name, at, other, want, JSONText(stored))
		}
		return nil
	}
}

// JSONAt finds the value at path, names and list indexes joined by dots,
// in a JSON value decoded with numbers as json.Number.
func JSONAt(value any, path string) (any, bool) {
	for _, step := range strings.Split(path, ".") {
		switch v := value.(type) {
		case map[string]any:
			next, ok := v[step]
			if !ok {
				return nil, false
			}
			value = next
		case []any:
			i, err := strconv.Atoi(step)
			if err != nil || i >= len(v) {
				return nil, false
			}
			value = v[i]
		default:
			return nil, false
		}
	}
	return value, true
}

// CompactJSON is v as compact JSON, keys sorted, numbers as written.
func CompactJSON(v any) string {
	if raw, ok := v.(json.RawMessage); ok {
		decoder := json.NewDecoder(strings.NewReader(string(raw)))
		decoder.UseNumber()
		var decoded any
		if err := decoder.Decode(&decoded); err != nil {
			return string(raw)
		}
		v = decoded
	}
	text, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(text)
}

// Without is kept less the paths given.
func Without(kept map[string]string, paths ...string) map[string]string {
	out := map[string]string{}
	for path, value := range kept {
		out[path] = value
	}
	for _, path := range paths {
		delete(out, path)
	}
	return out
}

// WorkflowDataSource reads the workflow p0_routing_workflow.this saved.
const WorkflowDataSource = `
data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_workflow.this]
}
`

// CheckWorkflowNames checks that P0 holds the rules named, in order.
func (e *TestEnv) CheckWorkflowNames(names ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, rule := range e.Mock.RoutingRules() {
			got = append(got, rule.Name)
		}
		if !reflect.DeepEqual(got, names) {
			return fmt.Errorf("P0 holds the rules %q, want %q", got, names)
		}
		return nil
	}
}

// CheckWorkflowField checks a field of the workflow's own.
func (e *TestEnv) CheckWorkflowField(name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := string(e.Mock.WorkflowFields()[name]); got != want {
			return fmt.Errorf("the workflow's field %s = %s, want %s", name, got, want)
		}
		return nil
	}
}

// OddRuleSeed is a rule whose values P0 returns with other JSON types than
// the provider reads: numbers and booleans spelled as strings (read as
// what they spell), and values that cannot be read as their attribute's
// type (kept as P0 holds them). The mock stores the two-spelling fields
// as its variant takes them (see oddUnreadableIn).
const OddRuleSeed = `{"name": "Odd values", "disabled": "false",
  "requestor": {"type": "any"},
  "resource": {"type": "integration", "service": "aws", "filters": {"env": {"effect": "keep", "key": "env", "value": "yes"}}},
  "approval": [{"type": "p0", "services": "slack",
    "options": {"cooldown": "60", "require_reason": "true", "allow_one_party": 1, "duration": "soon"}}]}`

// oddUnreadable are the odd rule's values that cannot be read, by path,
// as seeded: every write must send them back as they are.
var oddUnreadable = map[string]string{
	"resource.filters.env.value":         `"yes"`,
	"approval.0.services":                `"slack"`,
	"approval.0.options.allow_one_party": `1`,
	"approval.0.options.duration":        `"soon"`,
}

// OddUnreadableIn is oddUnreadable as the mock of variant stores the odd
// rule: camelCase where the variant takes camelCase only.
func OddUnreadableIn(variant string) map[string]string {
	if !strings.HasPrefix(variant, "routing-camel") {
		return oddUnreadable
	}
	unreadable := map[string]string{}
	for path, value := range oddUnreadable {
		unreadable[strings.Replace(path, "allow_one_party", "allowOneParty", 1)] = value
	}
	return unreadable
}

// PlainRuleSeed is a rule beside the odd one, which no warning names.
const PlainRuleSeed = `{"name": "Plain", "requestor": {"type": "any"}, "resource": {"type": "any"}, "approval": [{"type": "auto"}]}`

// CheckKeptNow is checkKept, at once.
func (e *TestEnv) CheckKeptNow(t *testing.T, name string, kept map[string]string) {
	t.Helper()
	if err := e.CheckKept(name, kept)(nil); err != nil {
		t.Error(err)
	}
}
