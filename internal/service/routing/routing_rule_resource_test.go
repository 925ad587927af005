package routing

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const ruleAddress = "p0_routing_rule.test"

func TestAccRoutingRule_lifecycle(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckNoRoutingRules(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(acctest.FullRuleConfig("Engineering AWS", false, 60)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddress, plancheck.ResourceActionCreate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("id"), knownvalue.StringExact("Engineering AWS")),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("disabled"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("requestor"), knownvalue.ObjectExact(map[string]knownvalue.Check{
						"type":   knownvalue.StringExact("group"),
						"uid":    knownvalue.StringExact("engineering@example.com"),
						"groups": knownvalue.Null(),
						"effect": knownvalue.Null(),
						"agent":  knownvalue.Null(),
						"user":   knownvalue.Null(),
					})),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("resource").AtMapKey("filters").AtMapKey("sensitive").AtMapKey("value"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("approval"), knownvalue.ListSizeExact(2)),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("approval").AtSliceIndex(0).AtMapKey("options").AtMapKey("cooldown"), knownvalue.Int64Exact(0)),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("approval").AtSliceIndex(1).AtMapKey("services"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("on-call"), knownvalue.StringExact("sre"),
					})),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("approval").AtSliceIndex(1).AtMapKey("options"), knownvalue.Null()),
				},
				Check: acctest.CheckRuleInMock(env, "Engineering AWS", func(rule p0.RoutingRule) error {
					if got := rule.Approval[0].ProfileProperty; got != "manager" {
						return fmt.Errorf("profile_property on the wire = %q, want manager", got)
					}
					if o := rule.Approval[0].Options; o == nil || o.RequireReason == nil || !*o.RequireReason || o.Duration == nil || *o.Duration != 60 {
						return fmt.Errorf("approval options on the wire = %+v, want require_reason true and duration 60", o)
					}
					return nil
				}),
			},
			{
				// The same configuration again: nothing to do.
				Config: env.Config(acctest.FullRuleConfig("Engineering AWS", false, 60)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: env.Config(acctest.FullRuleConfig("Engineering AWS", true, 120)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddress, plancheck.ResourceActionUpdate)},
				},
				Check: acctest.CheckRuleInMock(env, "Engineering AWS", func(rule p0.RoutingRule) error {
					if !rule.Disabled || *rule.Approval[0].Options.Duration != 120 {
						return fmt.Errorf("update did not reach P0: disabled=%t duration=%d", rule.Disabled, *rule.Approval[0].Options.Duration)
					}
					return nil
				}),
			},
			{
				ResourceName:      ruleAddress,
				ImportState:       true,
				ImportStateId:     "Engineering AWS",
				ImportStateVerify: true,
			},
			{
				Config: env.Config(acctest.FullRuleConfig("Engineering AWS (renamed)", true, 120)),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddress, plancheck.ResourceActionReplace)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("id"), knownvalue.StringExact("Engineering AWS (renamed)")),
				},
				Check: func(*terraform.State) error {
					if _, ok := env.Mock.RoutingRule("Engineering AWS"); ok {
						return fmt.Errorf("the rule under its old name is still in P0 after the rename")
					}
					if n := len(env.Mock.RoutingRules()); n != 1 {
						return fmt.Errorf("P0 holds %d rules after the rename, want 1", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccRoutingRule_minimal(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckNoRoutingRules(env),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
resource "p0_routing_rule" "test" {
  name      = "Anyone, auto-approved"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]
}
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("disabled"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("requestor").AtMapKey("uid"), knownvalue.Null()),
					statecheck.ExpectKnownValue(ruleAddress, tfjsonpath.New("resource").AtMapKey("filters"), knownvalue.Null()),
				},
			},
			{
				ResourceName:      ruleAddress,
				ImportState:       true,
				ImportStateId:     "Anyone, auto-approved",
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccRoutingRule_drift(t *testing.T) {
	env := acctest.NewTestEnv(t)
	config := env.Config(acctest.FullRuleConfig("Drifting", false, 60))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckNoRoutingRules(env),
		Steps: []resource.TestStep{
			{Config: config},
			{
				// Deleted behind Terraform's back: the next apply recreates it.
				PreConfig: func() {
					if !env.Mock.DeleteRoutingRule("Drifting") {
						t.Fatal("the rule to delete was not in the mock")
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddress, plancheck.ResourceActionCreate)},
				},
				Check: acctest.CheckRuleInMock(env, "Drifting", func(p0.RoutingRule) error { return nil }),
			},
			{
				// Changed behind Terraform's back: the next apply restores it.
				PreConfig: func() {
					rule, _ := env.Mock.RoutingRule("Drifting")
					rule.Disabled = true
					rule.Requestor = p0.RuleRequestor{Type: "any"}
					rule.Approval = []p0.Approval{{Type: "auto"}}
					env.Mock.PutRoutingRule(rule)
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(ruleAddress, plancheck.ResourceActionUpdate)},
				},
				Check: acctest.CheckRuleInMock(env, "Drifting", func(rule p0.RoutingRule) error {
					if rule.Disabled || rule.Requestor.Type != "group" || len(rule.Approval) != 2 {
						return fmt.Errorf("drift was not repaired: %+v", rule)
					}
					return nil
				}),
			},
		},
	})
}

// TestAccRoutingRule_invalid feeds configurations that must fail at plan
// time, naming the attribute, before any request reaches P0.
// invalidRuleCases are rule bodies that must be refused at plan time, with
// the error each must give; p0_routing_rule and each rule of
// p0_routing_workflow refuse them alike. "empty name" carries its own name.
// Fields without a documented meaning for their type only warn (see
// TestAccMeaninglessFieldsWarn).
var invalidRuleCases = map[string]struct {
	body string
	want string
}{
	"empty requestor type": {
		`requestor = { type = "" }
  resource = { type = "any" }
  approval = [{ type = "auto" }]`, `requestor.type`,
	},
	"group named by nothing": {
		`requestor = { type = "group" }
  resource = { type = "any" }
  approval = [{ type = "auto" }]`, `A requestor of type "group" is named by requestor.uid or by requestor.groups`,
	},
	"uid missing for user": {
		`requestor = { type = "user", groups = [{ id = "g" }] }
  resource = { type = "any" }
  approval = [{ type = "auto" }]`, `requestor.uid is required when requestor.type is "user"`,
	},
	"service missing for integration": {
		`requestor = { type = "any" }
  resource = { type = "integration" }
  approval = [{ type = "auto" }]`, `resource.service is required`,
	},
	"empty filter effect": {
		`requestor = { type = "any" }
  resource = { type = "integration", service = "aws", filters = { a = { effect = "" } } }
  approval = [{ type = "auto" }]`, `resource.filters\["a"\].effect`,
	},
	"no approval": {
		`requestor = { type = "any" }
  resource = { type = "any" }
  approval = []`, `approval`,
	},
	"empty approval options": {
		`requestor = { type = "any" }
  resource = { type = "any" }
  approval = [{ type = "auto", options = {} }]`, `approval\[0\].options sets nothing`,
	},
	"empty services": {
		`requestor = { type = "any" }
  resource = { type = "any" }
  approval = [{ type = "group", services = [] }]`, `approval\[0\].services`,
	},
	"empty name": {
		`requestor = { type = "any" }
  resource = { type = "any" }
  approval = [{ type = "auto" }]
  name = ""`, `Attribute name string length must be at least 1`,
	},
}

func TestAccRoutingRule_invalid(t *testing.T) {
	cases := invalidRuleCases
	env := acctest.NewTestEnv(t)
	steps := make([]resource.TestStep, 0, len(cases))
	for name, tc := range cases {
		nameAttr := `name = "invalid"`
		if name == "empty name" {
			nameAttr = ""
		}
		steps = append(steps, resource.TestStep{
			Config:      env.Config(fmt.Sprintf("resource \"p0_routing_rule\" \"test\" {\n  %s\n  %s\n}\n", nameAttr, tc.body)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(tc.want),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
	env.CheckOnlyCredentialsChecks(t, len(refusedInPlan))
}

// refusedInPlan are the invalid rules that only the plan refuses, since
// what is valid depends on what P0 holds (see requireGroupNamed).
var refusedInPlan = []string{"group named by nothing"}
