package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// The P0 beyond the documents (design.md): rules with types and fields the
// documents do not list, camelCase field names, the /policy routes. The
// routing lifecycles run against each such P0 the mock can be, and check,
// in the JSON the mock stores, that nothing the provider does not model
// was removed.

// routingVariants are the mock's answers to how P0 spells and routes
// routing rules, the documented one first.
var routingVariants = []string{"documented", "routing-camel", "routing-camel-silent", "routing-either", "routing-policy-routes"}

// newVariantEnv is newTestEnv whose mock behaves as the named variants.
func newVariantEnv(t *testing.T, variants string) *testEnv {
	t.Helper()
	env := newTestEnv(t)
	behavior, err := p0mock.ParseVariants(variants)
	if err != nil {
		t.Fatal(err)
	}
	env.Mock.SetBehavior(behavior)
	return env
}

// heldRule is a rule a P0 beyond the documents holds, as P0 stores it
// (seed), and the configuration that manages it (hcl, the attributes of a
// p0_routing_rule or of a workflow's rule), under which it is imported
// with nothing to change.
type heldRule struct {
	name, label string
	seed        string
	hcl         string
	// unmanaged are the fields the provider does not model, by path, with
	// their JSON as seeded: every write must send them back as they are.
	unmanaged map[string]string
}

// heldRules are an agentic requestor's rule, with fields beyond the
// documents at every depth, and a rule in the form P0's own client writes
// (a group named by groups and effect, camelCase options), with types the
// documents do not list.
var heldRules = []heldRule{{
	name: "Agents", label: "agents",
	seed: `{"name": "Agents", "disabled": false, "description": "made by P0's own client",
  "requestor": {"type": "agentic", "agent": {"id": "agent-7", "scopes": ["deploy"]}, "user": {"email": "owner@example.com"}},
  "resource": {"type": "integration", "service": "ssh", "access_type": "all", "region": "eu"},
  "approval": [
    {"type": "group", "effect": "keep", "tier": 2,
     "groups": [{"directory": "okta", "id": "00g1", "label": "SRE", "weight": 1.50}],
     "options": {"require_reason": true, "require_preapproval": true, "ttl_hint": "1h"}},
    {"type": "p0", "options": {"autoEscalate": true}}]}`,
	hcl: `
  name      = "Agents"
  requestor = { type = "agentic" }
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
	unmanaged: map[string]string{
		"description":                     `"made by P0's own client"`,
		"requestor.agent":                 `{"id":"agent-7","scopes":["deploy"]}`,
		"requestor.user":                  `{"email":"owner@example.com"}`,
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
	hcl: `
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
	unmanaged: map[string]string{
		"resource.filters.prod.caseSensitive": `true`,
		"approval.0.levels":                   `2`,
	},
}}

// seed stores the held rules in env's P0.
func seedHeldRules(env *testEnv) {
	for _, rule := range heldRules {
		env.Mock.SeedRoutingRule(rule.seed)
	}
}

// ruleHCL is a p0_routing_rule block of the held rule, with the
// attributes changed by edit (old text, new text, ...).
func (h heldRule) resourceHCL(edit ...string) string {
	return fmt.Sprintf("resource \"p0_routing_rule\" %q {%s}\n", h.label, h.edited(edit...))
}

func (h heldRule) edited(edit ...string) string {
	return strings.NewReplacer(edit...).Replace(h.hcl)
}

// checkKept checks, in the JSON P0 stores for the rule named name, that
// each field at a path of kept holds exactly its JSON (numbers as written),
// and that no field at a path of gone is there.
func (e *testEnv) checkKept(name string, kept map[string]string, gone ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, ok := e.Mock.RoutingRuleJSON(name)
		if !ok {
			return fmt.Errorf("P0 has no rule %q", name)
		}
		for path, want := range kept {
			got, found := jsonAt(stored, path)
			if !found {
				return fmt.Errorf("rule %q lost %s, which the provider does not manage: P0 holds %s", name, path, jsonText(stored))
			}
			if text := compactJSON(got); text != compactJSON(json.RawMessage(want)) {
				return fmt.Errorf("rule %q holds %s = %s, want %s as P0 held it", name, path, text, want)
			}
		}
		for _, path := range gone {
			if _, found := jsonAt(stored, path); found {
				return fmt.Errorf("rule %q still holds %s: %s", name, path, jsonText(stored))
			}
		}
		return nil
	}
}

// checkSpelling checks that P0 stores the rule's two-spelling fields as
// the variant takes them: the field at path, spelt snake or camel.
func (e *testEnv) checkSpelling(name, variant, at, snake, camel string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		stored, ok := e.Mock.RoutingRuleJSON(name)
		if !ok {
			return fmt.Errorf("P0 has no rule %q", name)
		}
		want, other := snake, camel
		if strings.HasPrefix(variant, "routing-camel") {
			want, other = camel, snake
		}
		if _, found := jsonAt(stored, at+"."+want); !found {
			return fmt.Errorf("rule %q has no %s.%s: %s", name, at, want, jsonText(stored))
		}
		if _, found := jsonAt(stored, at+"."+other); found {
			return fmt.Errorf("rule %q has %s.%s beside %s: %s", name, at, other, want, jsonText(stored))
		}
		return nil
	}
}

// jsonAt finds the value at path, names and list indexes joined by dots,
// in a JSON value decoded with numbers as json.Number.
func jsonAt(value any, path string) (any, bool) {
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

// compactJSON is v as compact JSON, keys sorted, numbers as written.
func compactJSON(v any) string {
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

// without is kept less the paths given.
func without(kept map[string]string, paths ...string) map[string]string {
	out := map[string]string{}
	for path, value := range kept {
		out[path] = value
	}
	for _, path := range paths {
		delete(out, path)
	}
	return out
}

// TestAccBeyondTheDocuments_routingRule adopts rules P0 holds beyond the
// documents (an agentic requestor, types the documents do not list, fields
// the provider does not model at every depth) by import, plans nothing,
// changes one attribute of each and checks that P0 still holds every field
// the provider does not model, changes a requestor's type (its own fields
// go with its old type), creates a rule in P0's current form (groups,
// effects, access type, the newer options) spelt as P0 takes it, imports
// it, and destroys; against every variant of spelling and routes.
func TestAccBeyondTheDocuments_routingRule(t *testing.T) {
	agents, breakGlass := heldRules[0], heldRules[1]
	current := `
resource "p0_routing_rule" "current" {
  name      = "Current form"
  requestor = { type = "group", effect = "remove", groups = [{ directory = "okta", id = "00g9" }] }
  resource  = { type = "integration", service = "ssh", access_type = "all" }
  approval = [{
    type             = "requestor-profile"
    profile_property = "manager"
    options          = { allow_one_party = true, require_reason = true, require_duration = true, require_preapproval = false, break_glass_approver = false }
  }]
}
`
	for _, variant := range routingVariants {
		t.Run(variant, func(t *testing.T) {
			env := newVariantEnv(t, variant)
			seedHeldRules(env)
			adopted := env.Config(agents.resourceHCL() + breakGlass.resourceHCL())
			changed := env.Config(agents.resourceHCL(`name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true") +
				breakGlass.resourceHCL("require_duration = true", "require_duration = false"))
			retyped := env.Config(agents.resourceHCL(`type = "agentic"`, `type = "any"`, `name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true") +
				breakGlass.resourceHCL("require_duration = true", "require_duration = false"))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             env.checkNoRoutingRules,
				Steps: []resource.TestStep{
					{Config: adopted, ResourceName: "p0_routing_rule.agents", ImportState: true, ImportStateId: "Agents", ImportStatePersist: true},
					{Config: adopted, ResourceName: "p0_routing_rule.break_glass", ImportState: true, ImportStateId: "Break glass", ImportStatePersist: true},
					{
						Config:           adopted,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
						Check:            resource.ComposeTestCheckFunc(env.checkKept("Agents", agents.unmanaged), env.checkKept("Break glass", breakGlass.unmanaged)),
					},
					{
						Config: changed,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("p0_routing_rule.agents", plancheck.ResourceActionUpdate),
							plancheck.ExpectResourceAction("p0_routing_rule.break_glass", plancheck.ResourceActionUpdate),
						}},
						Check: resource.ComposeTestCheckFunc(
							env.checkKept("Agents", agents.unmanaged),
							env.checkKept("Break glass", breakGlass.unmanaged),
							env.checkRuleInMock("Agents", func(rule p0.RoutingRule) error {
								if !rule.Disabled || rule.Requestor.Type != "agentic" || !*rule.Approval[0].Options.RequirePreapproval {
									return fmt.Errorf("P0 holds %s", jsonText(rule))
								}
								return nil
							}),
							env.checkRuleInMock("Break glass", func(rule p0.RoutingRule) error {
								if o := rule.Approval[0].Options; *o.RequireDuration || !*o.BreakGlassApprover {
									return fmt.Errorf("P0 holds the options %s", jsonText(o))
								}
								return nil
							}),
						),
					},
					{
						// The agentic requestor's own fields go with its type.
						Config: retyped,
						Check: env.checkKept("Agents", without(agents.unmanaged, "requestor.agent", "requestor.user"),
							"requestor.agent", "requestor.user"),
					},
					{
						Config: retyped + current,
						Check: resource.ComposeTestCheckFunc(
							env.checkSpelling("Current form", variant, "approval.0.options", "allow_one_party", "allowOneParty"),
							env.checkSpelling("Current form", variant, "resource", "access_type", "accessType"),
							env.checkSpelling("Current form", variant, "approval.0", "profile_property", "profileProperty"),
							env.checkKept("Current form", map[string]string{
								"requestor.groups": `[{"directory":"okta","id":"00g9"}]`,
								"requestor.effect": `"remove"`,
							}),
						),
					},
					{ResourceName: "p0_routing_rule.current", ImportState: true, ImportStateId: "Current form", ImportStateVerify: true},
				},
			})
		})
	}
}

// TestAccBeyondTheDocuments_routingWorkflow adopts a workflow holding the
// rules P0 holds beyond the documents and a field of the workflow's own, by
// import; plans nothing; adds a rule, reorders, removes one, and checks
// after each save that P0 still holds every field the provider does not
// model; destroys to an empty workflow that keeps its own field; against
// every variant of spelling and routes.
func TestAccBeyondTheDocuments_routingWorkflow(t *testing.T) {
	agents, breakGlass := heldRules[0], heldRules[1]
	plain := workflowRule("Plain", 1)
	added := workflowRule("Added", 1)
	rules := func(parts ...string) string {
		return "resource \"p0_routing_workflow\" \"this\" {\n  rules = [" + strings.Join(parts, ", ") + "]\n}\n"
	}
	object := func(rule p0.RoutingRule) string {
		var b strings.Builder
		writeRuleAttributes(&b, rule)
		return "{\n" + b.String() + "}"
	}
	held := func(h heldRule) string { return "{" + h.hcl + "}" }
	for _, variant := range routingVariants {
		t.Run(variant, func(t *testing.T) {
			env := newVariantEnv(t, variant)
			seedHeldRules(env)
			env.Mock.PutRoutingRule(plain)
			env.Mock.SetWorkflowField("defaults", map[string]any{"expiry": "1h"})
			adopted := env.Config(rules(held(agents), held(breakGlass), object(plain)))
			keptBoth := resource.ComposeTestCheckFunc(env.checkKept("Agents", agents.unmanaged), env.checkKept("Break glass", breakGlass.unmanaged))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy: func(*terraform.State) error {
					if err := env.checkNoRoutingRules(nil); err != nil {
						return err
					}
					if fields := env.Mock.WorkflowFields(); string(fields["defaults"]) != `{"expiry":"1h"}` {
						return fmt.Errorf("the workflow's own fields after destroy: %v", fields)
					}
					return nil
				},
				Steps: []resource.TestStep{
					{Config: adopted, ResourceName: workflowAddress, ImportState: true, ImportStateId: testOrg, ImportStatePersist: true},
					{Config: adopted, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
					{
						Config: env.Config(rules(held(agents), held(breakGlass), object(plain), object(added))),
						Check: resource.ComposeTestCheckFunc(keptBoth, env.checkWorkflowNames("Agents", "Break glass", "Plain", "Added"),
							env.checkWorkflowField("defaults", `{"expiry":"1h"}`)),
					},
					{
						Config: env.Config(rules(object(plain), held(breakGlass), held(agents), object(added)) + workflowDataSource),
						Check:  resource.ComposeTestCheckFunc(keptBoth, env.checkWorkflowNames("Plain", "Break glass", "Agents", "Added")),
						ConfigStateChecks: []statecheck.StateCheck{
							statecheck.ExpectKnownValue("data.p0_routing_workflow.current", tfjsonpath.New("rules").AtSliceIndex(2).AtMapKey("requestor").AtMapKey("type"),
								knownvalue.StringExact("agentic")),
							statecheck.ExpectKnownValue("data.p0_routing_workflow.current", tfjsonpath.New("rules").AtSliceIndex(1).AtMapKey("approval").AtSliceIndex(0).AtMapKey("options").AtMapKey("break_glass_approver"),
								knownvalue.Bool(true)),
						},
					},
					{
						Config: env.Config(rules(object(plain), held(agents))),
						Check: resource.ComposeTestCheckFunc(env.checkKept("Agents", agents.unmanaged), env.checkWorkflowNames("Plain", "Agents"),
							env.checkWorkflowField("defaults", `{"expiry":"1h"}`)),
					},
				},
			})
		})
	}
}

// workflowDataSource reads the workflow p0_routing_workflow.this saved.
const workflowDataSource = `
data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_workflow.this]
}
`

// checkWorkflowNames checks that P0 holds the rules named, in order.
func (e *testEnv) checkWorkflowNames(names ...string) resource.TestCheckFunc {
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

// checkWorkflowField checks a field of the workflow's own.
func (e *testEnv) checkWorkflowField(name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := string(e.Mock.WorkflowFields()[name]); got != want {
			return fmt.Errorf("the workflow's field %s = %s, want %s", name, got, want)
		}
		return nil
	}
}

// TestAccSpellingUnderParallelism creates many rules at once, with
// -parallelism=10, against a P0 that takes camelCase only (refusing
// snake_case, or dropping it): one apply lands every value, each rule
// costs at most one write more than on the documented P0, and the next
// plan is empty.
func TestAccSpellingUnderParallelism(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	for _, variant := range []string{"routing-camel", "routing-camel-silent"} {
		t.Run(variant, func(t *testing.T) {
			t.Parallel()
			env := newVariantEnv(t, variant)
			env.Mock.SetFaults(p0mock.Faults{Latency: 20 * time.Millisecond})
			rules := fleet{Rules: 40}
			ctx := context.Background()
			cli := newTerraformCLI(t, env.Config(rules.hcl()))
			if err := cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach), tfexec.Parallelism(10)); err != nil {
				t.Fatalf("apply: %v", err)
			}
			if problems := rules.mismatches(env.Mock); len(problems) > 0 {
				t.Fatalf("P0 does not hold exactly the configuration:\n%v", problems)
			}
			writes := env.Mock.Count("POST /o/{org}/routing/name/{name}") + env.Mock.Count("PUT /o/{org}/routing/name/{name}")
			if writes < rules.Rules || writes > 2*rules.Rules {
				t.Errorf("%d rules took %d writes; want at least one each and at most two", rules.Rules, writes)
			}
			changes, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach), tfexec.Parallelism(10))
			if err != nil || changes {
				t.Fatalf("the plan after the apply: changes %t, error %v; want none", changes, err)
			}
			for i := range rules.Rules {
				rule := rules.rule(i)
				stored, _ := env.Mock.RoutingRuleJSON(rule.Name)
				if text := jsonText(stored); strings.Contains(text, "_one_party") || strings.Contains(text, "require_") || strings.Contains(text, "profile_property") {
					t.Fatalf("rule %q is stored in snake_case: %s", rule.Name, text)
				}
			}
		})
	}
}

// TestAccSpellingResendFails creates rules against a P0 that drops
// snake_case without a word, and refuses the first camelCase update that
// would complete a rule: the apply fails, the part of that rule P0 stored
// is taken back, and the next apply converges to exactly the
// configuration, with no rule duplicated or left out.
func TestAccSpellingResendFails(t *testing.T) {
	env := newVariantEnv(t, "routing-camel-silent")
	rules := fleet{Rules: 4}
	env.Mock.FailNext("PUT", "/o/{org}/routing/name/{name}", http.StatusBadRequest, "the rule is being edited")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             rules.checkEmpty(env.Mock),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(rules.hcl()),
				ExpectError: expectError("Unable to Create Routing Rule", "400 Bad Request: the rule is being edited"),
			},
			{
				PreConfig: func() {
					if n := len(env.Mock.RoutingRules()); n != rules.Rules-1 {
						t.Errorf("P0 holds %d rules after the failed apply; want the %d that were created whole", n, rules.Rules-1)
					}
				},
				Config: env.Config(rules.hcl()),
				Check:  rules.checkMatches(env.Mock),
			},
			{
				Config:   env.Config(rules.hcl()),
				PlanOnly: true,
			},
		},
	})
}
