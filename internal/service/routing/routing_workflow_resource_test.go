package routing

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const workflowAddress = "p0_routing_workflow.this"

// workflowRule is one rule of the test workflows: a rule per letter, whose
// approval depends on variant.
func workflowRule(name string, variant int) p0.RoutingRule {
	rule := p0.RoutingRule{
		Name:      name,
		Requestor: p0.RuleRequestor{Type: "group", UID: "group-" + strings.ToLower(name)},
		Resource:  p0.RuleResource{Type: "integration", Service: "aws"},
		Approval:  []p0.Approval{{Type: "p0"}},
	}
	if variant > 0 {
		reason, duration := true, int64(30*variant)
		rule.Approval = append(rule.Approval, p0.Approval{Type: "group", Integration: "pagerduty", Services: []string{"on-call"},
			Options: &p0.ApprovalOptions{RequireReason: &reason, Duration: &duration}})
	}
	return rule
}

// workflowHCL is a p0_routing_workflow of rules, in order.
func workflowHCL(rules ...p0.RoutingRule) string {
	var b strings.Builder
	b.WriteString("resource \"p0_routing_workflow\" \"this\" {\n  rules = [\n")
	for _, rule := range rules {
		b.WriteString("  {\n")
		acctest.WriteRuleAttributes(&b, rule)
		b.WriteString("  },\n")
	}
	b.WriteString("  ]\n}\n")
	return b.String()
}

// checkWorkflow asserts that P0 holds exactly rules, in order.
func checkWorkflow(e *acctest.TestEnv, rules ...p0.RoutingRule) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := e.Mock.RoutingRules()
		if !framework.SameJSON(got, append([]p0.RoutingRule{}, rules...)) {
			return fmt.Errorf("P0 holds the rules %s, want %s", acctest.JSONText(got), acctest.JSONText(rules))
		}
		return nil
	}
}

// stateRuleNames expects the state's rules to have these names, in order.
func stateRuleNames(names ...string) statecheck.StateCheck {
	checks := make([]knownvalue.Check, len(names))
	for i, name := range names {
		checks[i] = knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact(name)})
	}
	return statecheck.ExpectKnownValue(workflowAddress, tfjsonpath.New("rules"), knownvalue.ListExact(checks))
}

// TestAccRoutingWorkflow_lifecycle creates a workflow over rules made by
// hand (which it replaces), re-plans to nothing, reorders the rules in
// place, changes one, adds and removes rules, imports, and destroys to an
// empty workflow; each save is one request. It runs where GET /routing
// gives only the workflow id, as the documents show, and where it gives a
// version of its own, which a save must then name.
func TestAccRoutingWorkflow_lifecycle(t *testing.T) {
	acctest.EachVariant(t, []string{"documented", "workflow-version-in-get"}, func(t *testing.T, variant string, env *acctest.TestEnv) {
		env.Mock.PutRoutingRule(workflowRule("Made by hand", 0))
		a, b, c, d := workflowRule("A", 0), workflowRule("B", 0), workflowRule("C", 0), workflowRule("D", 1)
		changedA := workflowRule("A", 2)
		saves := func(n int) resource.TestCheckFunc { return env.CheckCount("POST /o/{org}/routing", n) }
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			CheckDestroy:             checkWorkflow(env),
			Steps: []resource.TestStep{
				{
					PreConfig:         env.Mock.ResetRequests,
					Config:            env.Config(workflowHCL(a, b, c)),
					ConfigStateChecks: []statecheck.StateCheck{stateRuleNames("A", "B", "C")},
					Check:             resource.ComposeAggregateTestCheckFunc(checkWorkflow(env, a, b, c), saves(1)),
				},
				{
					Config:           env.Config(workflowHCL(a, b, c)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				},
				{
					PreConfig: env.Mock.ResetRequests,
					Config:    env.Config(workflowHCL(c, a, b)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(workflowAddress, plancheck.ResourceActionUpdate)}},
					ConfigStateChecks: []statecheck.StateCheck{stateRuleNames("C", "A", "B")},
					Check:             resource.ComposeAggregateTestCheckFunc(checkWorkflow(env, c, a, b), saves(1)),
				},
				{
					Config: env.Config(workflowHCL(c, changedA, b)),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(workflowAddress, plancheck.ResourceActionUpdate)}},
					Check: checkWorkflow(env, c, changedA, b),
				},
				{
					Config:            env.Config(workflowHCL(d, c, changedA)),
					ConfigStateChecks: []statecheck.StateCheck{stateRuleNames("D", "C", "A")},
					Check:             checkWorkflow(env, d, c, changedA),
				},
				{
					ResourceName:      workflowAddress,
					ImportState:       true,
					ImportStateId:     acctest.TestOrg,
					ImportStateVerify: true,
				},
			},
		})
	})
}

// TestAccRoutingWorkflow_drift changes the workflow in P0 behind
// Terraform's back in every way: a rule added, removed, moved and changed.
// Each shows as an update of the one resource, which restores the
// configuration.
func TestAccRoutingWorkflow_drift(t *testing.T) {
	env := acctest.NewTestEnv(t)
	a, b, c := workflowRule("A", 0), workflowRule("B", 0), workflowRule("C", 0)
	config := env.Config(workflowHCL(a, b, c))
	drifts := map[string]func(){
		"added":   func() { env.Mock.PutRoutingRule(workflowRule("Made by hand", 1)) },
		"removed": func() { env.Mock.DeleteRoutingRule("B") },
		"moved": func() {
			env.Mock.DeleteRoutingRule("A")
			env.Mock.PutRoutingRule(a) // appended: now B, C, A
		},
		"changed": func() { env.Mock.PutRoutingRule(workflowRule("C", 3)) },
	}
	steps := []resource.TestStep{{Config: config, Check: checkWorkflow(env, a, b, c)}}
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for name := range drifts {
			if !yield(name) {
				return
			}
		}
	}) {
		steps = append(steps, resource.TestStep{
			PreConfig: drifts[name],
			Config:    config,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(workflowAddress, plancheck.ResourceActionUpdate)}},
			Check: checkWorkflow(env, a, b, c),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             checkWorkflow(env),
		Steps:                    steps,
	})
}

// TestAccRoutingWorkflow_invalid refuses at plan time, before any request
// but the credentials checks of refusedInPlan, two rules of one name and
// every rule that p0_routing_rule refuses.
func TestAccRoutingWorkflow_invalid(t *testing.T) {
	env := acctest.NewTestEnv(t)
	a := workflowRule("A", 0)
	steps := []resource.TestStep{{
		Config:      env.Config(workflowHCL(a, workflowRule("B", 0), a)),
		PlanOnly:    true,
		ExpectError: acctest.ExpectError("Duplicate Rule Name", `Rules 1 and 3 are both named "A"`),
	}}
	for name, tc := range invalidRuleCases {
		nameAttr := `name = "invalid"`
		if name == "empty name" {
			nameAttr = ""
		}
		steps = append(steps, resource.TestStep{
			Config:   env.Config(fmt.Sprintf("resource \"p0_routing_workflow\" \"this\" {\n  rules = [{\n  %s\n  %s\n  }]\n}\n", nameAttr, tc.body)),
			PlanOnly: true,
			// The attribute is a rule's: "Attribute rules[0].name", not "Attribute name".
			ExpectError: regexp.MustCompile(strings.Replace(tc.want, "Attribute name", `Attribute rules\[0\]\.name`, 1)),
		})
	}
	resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	env.CheckOnlyCredentialsChecks(t, len(refusedInPlan))
}

// TestAccRoutingWorkflow_lostSave loses the answer to a committed save: the
// client's retry names a version that this very save made stale, P0
// answers 409, and the workflow holding exactly the saved rules is taken
// as saved. The apply succeeds and the next plan is empty.
func TestAccRoutingWorkflow_lostSave(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	a, b := workflowRule("A", 0), workflowRule("B", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             checkWorkflow(env.TestEnv),
		Steps: []resource.TestStep{
			{Config: env.Config(workflowHCL(a)), Check: checkWorkflow(env.TestEnv, a)},
			{
				PreConfig: func() { env.Traffic.LoseNext(http.MethodPost, "/o/"+acctest.TestOrg+"/routing$") },
				Config:    env.Config(workflowHCL(b, a)),
				Check: resource.ComposeAggregateTestCheckFunc(checkWorkflow(env.TestEnv, b, a), func(*terraform.State) error {
					if n := len(env.Traffic.LostExchanges()); n != 1 {
						return fmt.Errorf("%d answers lost, want 1", n)
					}
					return nil
				}),
			},
			{
				Config:           env.Config(workflowHCL(b, a)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// TestAccRoutingWorkflow_changedBetweenPlanAndApply saves a plan, changes
// the routing in P0, and applies the saved plan: P0 refuses the save, the
// error says that the routing changed and to plan again, nothing is
// overwritten, and the state is as it was. A new plan and apply converge.
func TestAccRoutingWorkflow_changedBetweenPlanAndApply(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	env := acctest.NewTestEnv(t)
	ctx := context.Background()
	a, b := workflowRule("A", 0), workflowRule("B", 0)
	theirs := workflowRule("Added meanwhile", 1)
	cli := acctest.NewTerraformCLI(t, env.Config(workflowHCL(a)))
	reattach := tfexec.Reattach(cli.Reattach)
	if err := cli.Tf.Apply(ctx, reattach); err != nil {
		t.Fatal(err)
	}
	cli.Write(t, env.Config(workflowHCL(a, b)))
	plan := filepath.Join(cli.Tf.WorkingDir(), "change.tfplan")
	if _, err := cli.Tf.Plan(ctx, reattach, tfexec.Out(plan)); err != nil {
		t.Fatal(err)
	}

	env.Mock.PutRoutingRule(theirs)
	err := cli.Tf.Apply(ctx, reattach, tfexec.DirOrPlan(plan))
	if err == nil || !acctest.ExpectError("Unable to Update Routing Workflow", "409 Conflict",
		"the routing workflow changed after Terraform last read it", "Nothing was saved", "Run terraform plan again").MatchString(err.Error()) {
		t.Fatalf("applying a plan made before a change in P0: %v; want the conflict explained", err)
	}
	if strings.Contains(err.Error(), "wf-") {
		t.Fatalf("the conflict names workflow versions, which mean nothing to the user: %v", err)
	}
	if got := env.Mock.RoutingRules(); !framework.SameJSON(got, []p0.RoutingRule{a, theirs}) {
		t.Fatalf("P0 holds %s after the refused save; want the change made meanwhile kept", acctest.JSONText(got))
	}
	state, err := cli.Tf.Show(ctx, reattach)
	if err != nil {
		t.Fatal(err)
	}
	rules, _ := state.Values.RootModule.Resources[0].AttributeValues["rules"].([]any)
	var first map[string]any
	if len(rules) == 1 {
		first, _ = rules[0].(map[string]any)
	}
	if len(rules) != 1 || first["name"] != "A" {
		t.Fatalf("the state holds %v after the refused save; want it as it was (rule A alone)", rules)
	}

	if err := cli.Tf.Apply(ctx, reattach); err != nil {
		t.Fatalf("a new apply: %v", err)
	}
	if got := env.Mock.RoutingRules(); !framework.SameJSON(got, []p0.RoutingRule{a, b}) {
		t.Fatalf("P0 holds %s after a new apply; want the configuration", acctest.JSONText(got))
	}
}

// TestAccRoutingWorkflow_generatedConfig adopts a workflow made outside
// Terraform, with rules that hold what P0 stores but the provider never
// writes itself (approval options of 0, filters, several approvals):
// `-generate-config-out` writes blocks that plan nothing but the import.
func TestAccRoutingWorkflow_generatedConfig(t *testing.T) {
	env := acctest.NewTestEnv(t)
	zero, yes := int64(0), true
	made := workflowRule("Made by hand", 2)
	made.Resource.Filters = map[string]p0.ResourceFilter{
		"account":  {Effect: "remove", Key: "account", Pattern: "production-.*"},
		"readonly": {Effect: "keep", Key: "readonly", Value: &yes},
	}
	made.Approval[0].Options = &p0.ApprovalOptions{Cooldown: &zero, Duration: &zero}
	env.Mock.PutRoutingRule(made)
	env.Mock.PutRoutingRule(workflowRule("Second", 0))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:          env.ProviderBlock(),
			ResourceName:    workflowAddress,
			ImportState:     true,
			ImportStateKind: resource.ImportBlockWithID,
			ImportStateId:   acctest.TestOrg,
			GenerateConfig:  true,
		}},
	})
}
