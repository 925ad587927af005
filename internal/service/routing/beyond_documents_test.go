package routing

import (
	"context"
	"fmt"
	"net/http"
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

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// The P0 beyond the documents (design.md): rules with types and fields the
// documents do not list, camelCase field names, the /policy routes. The
// routing lifecycles run against each such P0 the mock can be, and check,
// in the JSON the mock stores, that nothing the provider does not model
// was removed.

// TestAccBeyondTheDocuments_routingRule adopts rules P0 holds beyond the
// documents (an agentic requestor, types the documents do not list, fields
// the provider does not model at every depth) by import, plans nothing,
// changes one attribute of each and checks that P0 still holds every field
// the provider does not model, changes a requestor's type (its own fields
// go with its old type), creates a rule in P0's current form (groups,
// effects, access type, the newer options) spelt as P0 takes it, imports
// it, and destroys; against every variant of spelling and routes.
func TestAccBeyondTheDocuments_routingRule(t *testing.T) {
	agents, breakGlass := acctest.HeldRules[0], acctest.HeldRules[1]
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
	acctest.EachVariant(t, acctest.RoutingVariants, func(t *testing.T, variant string, env *acctest.TestEnv) {
		acctest.SeedHeldRules(env)
		adopted := env.Config(agents.ResourceHCL() + breakGlass.ResourceHCL())
		changed := env.Config(agents.ResourceHCL(`name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true") +
			breakGlass.ResourceHCL("require_duration = true", "require_duration = false"))
		retyped := env.Config(agents.ResourceHCL(acctest.AgenticRequestorHCL, `{ type = "any" }`, `name      = "Agents"`, "name      = \"Agents\"\n  disabled  = true") +
			breakGlass.ResourceHCL("require_duration = true", "require_duration = false"))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			CheckDestroy:             acctest.CheckNoRoutingRules(env),
			Steps: []resource.TestStep{
				{Config: adopted, ResourceName: "p0_routing_rule.agents", ImportState: true, ImportStateId: "Agents", ImportStatePersist: true},
				{Config: adopted, ResourceName: "p0_routing_rule.break_glass", ImportState: true, ImportStateId: "Break glass", ImportStatePersist: true},
				{
					Config:           adopted,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					Check:            resource.ComposeTestCheckFunc(env.CheckKept("Agents", agents.Unmanaged), env.CheckKept("Break glass", breakGlass.Unmanaged)),
				},
				{
					Config: changed,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction("p0_routing_rule.agents", plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction("p0_routing_rule.break_glass", plancheck.ResourceActionUpdate),
					}},
					Check: resource.ComposeTestCheckFunc(
						env.CheckKept("Agents", agents.Unmanaged),
						env.CheckKept("Break glass", breakGlass.Unmanaged),
						acctest.CheckRuleInMock(env, "Agents", func(rule p0.RoutingRule) error {
							if !rule.Disabled || rule.Requestor.Type != "agentic" || !*rule.Approval[0].Options.RequirePreapproval {
								return fmt.Errorf("P0 holds %s", acctest.JSONText(rule))
							}
							return nil
						}),
						acctest.CheckRuleInMock(env, "Break glass", func(rule p0.RoutingRule) error {
							if o := rule.Approval[0].Options; *o.RequireDuration || !*o.BreakGlassApprover {
								return fmt.Errorf("P0 holds the options %s", acctest.JSONText(o))
							}
							return nil
						}),
					),
				},
				{
					// The agentic requestor's own fields go with its type.
					Config: retyped,
					Check:  env.CheckKept("Agents", acctest.Without(agents.Unmanaged, "requestor.agent.id", "requestor.agent.scopes", "requestor.user.email"), "requestor.agent", "requestor.user"),
				},
				{
					Config: retyped + current,
					Check: resource.ComposeTestCheckFunc(
						env.CheckSpelling("Current form", variant, "approval.0.options", "allow_one_party", "allowOneParty"),
						env.CheckSpelling("Current form", variant, "resource", "access_type", "accessType"),
						env.CheckSpelling("Current form", variant, "approval.0", "profile_property", "profileProperty"),
						env.CheckKept("Current form", map[string]string{
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

// TestAccBeyondTheDocuments_routingWorkflow adopts a workflow holding the
// rules P0 holds beyond the documents and a field of the workflow's own, by
// import; plans nothing; adds a rule, reorders, removes one, and checks
// after each save that P0 still holds every field the provider does not
// model; destroys to an empty workflow that keeps its own field; against
// every variant of spelling and routes.
func TestAccBeyondTheDocuments_routingWorkflow(t *testing.T) {
	agents, breakGlass := acctest.HeldRules[0], acctest.HeldRules[1]
	plain := workflowRule("Plain", 1)
	added := workflowRule("Added", 1)
	rules := func(parts ...string) string {
		return "resource \"p0_routing_workflow\" \"this\" {\n  rules = [" + strings.Join(parts, ", ") + "]\n}\n"
	}
	object := func(rule p0.RoutingRule) string {
		var b strings.Builder
		acctest.WriteRuleAttributes(&b, rule)
		return "{\n" + b.String() + "}"
	}
	held := func(h acctest.HeldRule) string { return "{" + h.Hcl + "}" }
	acctest.EachVariant(t, acctest.RoutingVariants, func(t *testing.T, variant string, env *acctest.TestEnv) {
		acctest.SeedHeldRules(env)
		env.Mock.PutRoutingRule(plain)
		env.Mock.SetWorkflowField("defaults", map[string]any{"expiry": "1h"})
		adopted := env.Config(rules(held(agents), held(breakGlass), object(plain)))
		keptBoth := resource.ComposeTestCheckFunc(env.CheckKept("Agents", agents.Unmanaged), env.CheckKept("Break glass", breakGlass.Unmanaged))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			CheckDestroy: func(*terraform.State) error {
				if err := acctest.CheckNoRoutingRules(env)(nil); err != nil {
					return err
				}
				if fields := env.Mock.WorkflowFields(); string(fields["defaults"]) != `{"expiry":"1h"}` {
					return fmt.Errorf("the workflow's own fields after destroy: %v", fields)
				}
				return nil
			},
			Steps: []resource.TestStep{
				{Config: adopted, ResourceName: workflowAddress, ImportState: true, ImportStateId: acctest.TestOrg, ImportStatePersist: true},
				{Config: adopted, ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
				{
					Config: env.Config(rules(held(agents), held(breakGlass), object(plain), object(added))),
					Check: resource.ComposeTestCheckFunc(keptBoth, env.CheckWorkflowNames("Agents", "Break glass", "Plain", "Added"),
						env.CheckWorkflowField("defaults", `{"expiry":"1h"}`)),
				},
				{
					Config: env.Config(rules(object(plain), held(breakGlass), held(agents), object(added)) + acctest.WorkflowDataSource),
					Check:  resource.ComposeTestCheckFunc(keptBoth, env.CheckWorkflowNames("Plain", "Break glass", "Agents", "Added")),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue("data.p0_routing_workflow.current", tfjsonpath.New("rules").AtSliceIndex(2).AtMapKey("requestor").AtMapKey("type"),
							knownvalue.StringExact("agentic")),
						statecheck.ExpectKnownValue("data.p0_routing_workflow.current", tfjsonpath.New("rules").AtSliceIndex(1).AtMapKey("approval").AtSliceIndex(0).AtMapKey("options").AtMapKey("break_glass_approver"),
							knownvalue.Bool(true)),
					},
				},
				{
					Config: env.Config(rules(object(plain), held(agents))),
					Check: resource.ComposeTestCheckFunc(env.CheckKept("Agents", agents.Unmanaged), env.CheckWorkflowNames("Plain", "Agents"),
						env.CheckWorkflowField("defaults", `{"expiry":"1h"}`)),
				},
			},
		})
	})
}

// TestAccSpellingUnderParallelism creates many rules at once, with
// -parallelism=10, against a P0 that takes camelCase only (refusing
// snake_case, or dropping it): one apply lands every value, each rule
// costs at most one write more than on the documented P0, and the next
// plan is empty.
func TestAccSpellingUnderParallelism(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	acctest.EachVariant(t, []string{"routing-camel", "routing-camel-silent"}, func(t *testing.T, variant string, env *acctest.TestEnv) {
		t.Parallel()
		env.Mock.SetFaults(p0mock.Faults{Latency: 20 * time.Millisecond})
		rules := acctest.Fleet{Rules: 40}
		ctx := context.Background()
		cli := acctest.NewTerraformCLI(t, env.Config(rules.Hcl()))
		if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach), tfexec.Parallelism(10)); err != nil {
			t.Fatalf("apply: %v", err)
		}
		if problems := rules.Mismatches(env.Mock); len(problems) > 0 {
			t.Fatalf("P0 does not hold exactly the configuration:\n%v", problems)
		}
		writes := env.Mock.Count("POST /o/{org}/routing/name/{name}") + env.Mock.Count("PUT /o/{org}/routing/name/{name}")
		if writes < rules.Rules || writes > 2*rules.Rules {
			t.Errorf("%d rules took %d writes; want at least one each and at most two", rules.Rules, writes)
		}
		changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach), tfexec.Parallelism(10))
		if err != nil || changes {
			t.Fatalf("the plan after the apply: changes %t, error %v; want none", changes, err)
		}
		for i := range rules.Rules {
			rule := rules.Rule(i)
			stored, _ := env.Mock.RoutingRuleJSON(rule.Name)
			if text := acctest.JSONText(stored); strings.Contains(text, "_one_party") || strings.Contains(text, "require_") || strings.Contains(text, "profile_property") {
				t.Fatalf("rule %q is stored in snake_case: %s", rule.Name, text)
			}
		}
	})
}

// TestAccSpellingResendFails creates rules against a P0 that drops
// snake_case without a word, and refuses the first camelCase update that
// would complete a rule: the apply fails, the part of that rule P0 stored
// is taken back, and the next apply converges to exactly the
// configuration, with no rule duplicated or left out.
func TestAccSpellingResendFails(t *testing.T) {
	env := acctest.NewVariantEnv(t, "routing-camel-silent")
	rules := acctest.Fleet{Rules: 4}
	env.Mock.FailNext("PUT", "/o/{org}/routing/name/{name}", http.StatusBadRequest, "the rule is being edited")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             rules.CheckEmpty(env.Mock),
		Steps: []resource.TestStep{
			{
				Config:      env.Config(rules.Hcl()),
				ExpectError: acctest.ExpectError("Unable to Create Routing Rule", "400 Bad Request: the rule is being edited"),
			},
			{
				PreConfig: func() {
					if n := len(env.Mock.RoutingRules()); n != rules.Rules-1 {
						t.Errorf("P0 holds %d rules after the failed apply; want the %d that were created whole", n, rules.Rules-1)
					}
				},
				Config: env.Config(rules.Hcl()),
				Check:  rules.CheckMatches(env.Mock),
			},
			{
				Config:   env.Config(rules.Hcl()),
				PlanOnly: true,
			},
		},
	})
}
