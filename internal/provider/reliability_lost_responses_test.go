package provider_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/faultproxy"
	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// A lost response is a write P0 committed whose answer never arrived: the
// client sends it again, and a create then meets its own object. These
// tests check that every resource recognises it, so that applies converge
// to exactly the configuration, with nothing duplicated or orphaned.

// TestAccReliability_lostResponses creates, updates, replaces and destroys
// a configuration of every resource type while P0 loses the answer to 5%
// of writes after committing them. Each apply must succeed and leave P0
// holding exactly the configuration.
func TestAccReliability_lostResponses(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	created := acctest.Fleet{Rules: 30, Accounts: 2, Functions: 1, Unstaged: 1, ExpiryOptions: 10, JITSettings: true}
	updated := created
	updated.Variant = 1
	reports := map[string]faultproxy.Report{}
	countLost := func(step string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			reports[step] = env.Traffic.Report()
			env.Traffic.Reset()
			if r := reports[step]; r.Unretried > 0 {
				return fmt.Errorf("%d writes whose answers were lost were not sent again (%s)", r.Unretried, r)
			}
			return nil
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(
			created.CheckEmpty(env.Mock),
			countLost("destroy"),
		),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{LoseResponseRate: 0.05, Seed: 7})
					env.Traffic.Reset()
				},
				Config: env.FaultConfig(created.Hcl()),
				Check: resource.ComposeAggregateTestCheckFunc(
					created.CheckMatches(env.Mock),
					// The assertion that matters: without answers lost
					// during the creates, this step would prove nothing.
					func(*terraform.State) error {
						creates := 0
						for _, ex := range env.Traffic.LostExchanges() {
							if ex.Method == http.MethodPost || ex.Method == http.MethodPut {
								creates++
							}
						}
						if creates == 0 {
							return fmt.Errorf("no create lost its answer; choose another seed")
						}
						return nil
					},
					countLost("create"),
				),
			},
			{
				// Every rule and the JIT settings change in place; every
				// expiry option is replaced.
				Config: env.FaultConfig(updated.Hcl()),
				Check: resource.ComposeAggregateTestCheckFunc(
					updated.CheckMatches(env.Mock),
					countLost("update"),
				),
			},
			{
				Config: env.FaultConfig(updated.Hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
	lost := acctest.MockFaults(env.Mock)["lost"]
	if lost == 0 {
		t.Fatal("the mock lost no answer at all")
	}
	t.Logf("lost responses suite: %d objects; create: %s; update and replace: %s; destroy: %s",
		created.Objects(), reports["create"], reports["update"], reports["destroy"])
}

// TestAccReliability_lostAnswerToEveryWrite loses, once each, the answer
// to every kind of write the resources send, at a chosen moment rather
// than at random: each create, update, replacement and delete must still
// succeed at the first apply, with no duplicate and nothing left behind.
// It runs against each form of expiry option key P0 may take, since the
// create's adoption of its own lost answer and the delete's check must work
// with either.
func TestAccReliability_lostAnswerToEveryWrite(t *testing.T) {
	for _, variant := range []string{"documented", "expiry-key-display", "expiry-key-display-404"} {
		t.Run(variant, func(t *testing.T) {
			env := acctest.NewReliabilityEnv(t)
			env.Behave(t, variant)
			created := acctest.Fleet{Rules: 1, Accounts: 1, Unstaged: 1, ExpiryOptions: 1, JITSettings: true}
			updated := created
			updated.Variant = 1
			const (
				account  = "/integrations/aws/config/%s/400000000000"
				unstaged = "/integrations/aws/config/inventory/400000000100"
			)
			aws := func(method, component, suffix string) string {
				return method + " " + fmt.Sprintf(account, component) + suffix + "$"
			}
			settingsWrites := []string{
				"PUT /settings/default-approvals",
				"PUT /settings/standing-access-duration",
				"PUT /settings/max-access-duration",
			}
			lose := func(writes ...string) func() {
				return func() {
					env.Traffic.Reset()
					for _, w := range writes {
						method, path, _ := strings.Cut(w, " ")
						env.Traffic.LoseNext(method, "/o/"+acctest.TestOrg+path)
					}
				}
			}
			checkAllLost := func(want int) resource.TestCheckFunc {
				return func(*terraform.State) error {
					if n := env.Traffic.Pending(); n > 0 {
						return fmt.Errorf("%d planned losses never fired: the writes they were meant for were not sent", n)
					}
					if got := len(env.Traffic.LostExchanges()); got != want {
						return fmt.Errorf("%d answers were lost, want %d", got, want)
					}
					return nil
				}
			}
			creates := append([]string{
				"POST /routing/name/",
				aws("PUT", p0.ComponentInventory, ""),             // p0_aws_component_staged's stage
				"PUT " + unstaged + "$",                           // p0_aws_component's own stage
				aws("POST", p0.ComponentIAMWrite, "/verify"),      // verification
				aws("POST", p0.ComponentAccessLogs, "/configure"), // installation
				"POST /settings/expiry-options",
			}, settingsWrites...)
			updates := append([]string{
				"PUT /routing/name/",
				aws("POST", p0.ComponentIAMAssessment, "/configure"),
				"DELETE /settings/expiry-options/", // the option is replaced
				"POST /settings/expiry-options",
			}, settingsWrites...)
			deletes := []string{
				"DELETE /routing/name/",
				aws("DELETE", p0.ComponentIAMWrite, ""),
				"DELETE " + unstaged + "$",
				"DELETE /settings/expiry-options/",
			}
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             resource.ComposeAggregateTestCheckFunc(created.CheckEmpty(env.Mock), checkAllLost(len(deletes))),
				Steps: []resource.TestStep{
					{
						// The integration root exists, so that every stage commits;
						// TestAccReliability_lostIntegrationRoot loses the root's.
						PreConfig: func() {
							env.CreateAWSRoot(t)
							lose(creates...)()
						},
						Config: env.Config(created.Hcl()),
						Check:  resource.ComposeAggregateTestCheckFunc(created.CheckMatches(env.Mock), checkAllLost(len(creates))),
					},
					{
						// Rules, components and settings are updated in place, the
						// option replaced.
						PreConfig: lose(updates...),
						Config:    env.Config(updated.Hcl()),
						Check:     resource.ComposeAggregateTestCheckFunc(updated.CheckMatches(env.Mock), checkAllLost(len(updates))),
					},
					{
						// Nothing to do; the planned losses wait for the destroy.
						PreConfig: lose(deletes...),
						Config:    env.Config(updated.Hcl()),
						ConfigPlanChecks: resource.ConfigPlanChecks{
							PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
						},
					},
				},
			})
		})
	}
}

// TestAccReliability_lostIntegrationRoot loses the answer to the POST that
// creates the AWS integration root, which staging sends when P0 has none.
func TestAccReliability_lostIntegrationRoot(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	const account = "400000000055"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			PreConfig: func() { env.Traffic.LoseNext(http.MethodPost, "/o/"+acctest.TestOrg+"/integrations/aws/config$") },
			Config:    env.Config(acctest.StagedHCL("test", p0.ComponentIAMWrite, account)),
			Check: func(*terraform.State) error {
				if n := env.Traffic.Pending(); n > 0 {
					return fmt.Errorf("the root was never created")
				}
				if item, ok := env.Mock.AWSItem(p0.ComponentIAMWrite, account); !ok || item.State != p0.StateStage {
					return fmt.Errorf("the item is not staged: %+v", item)
				}
				return nil
			},
		}},
	})
}

// TestAccReliability_lostExpiryCreateWithoutReads loses the answer to an
// expiry option's create on a P0 that cannot list the options, so that the
// create cannot look before it posts: the 409 that follows the retry must
// still be taken as its own.
func TestAccReliability_lostExpiryCreateWithoutReads(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	f := acctest.Fleet{ExpiryOptions: 1}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             f.CheckEmpty(env.Mock),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.Mock.SetSettingsReads(false)
				env.Traffic.LoseNext(http.MethodPost, "/o/"+acctest.TestOrg+"/settings/expiry-options")
			},
			Config: env.Config(f.Hcl()),
			Check: resource.ComposeAggregateTestCheckFunc(
				f.CheckMatches(env.Mock),
				func(*terraform.State) error {
					if n := env.Traffic.Pending(); n > 0 {
						return fmt.Errorf("the create was never sent")
					}
					return nil
				},
			),
		}},
	})
}

// TestAccReliability_conflictWithAnotherObject checks the other side of
// adoption: a create that meets an object it did not make, one that
// differs from the configuration or was there before the apply, fails
// with advice and leaves that object alone.
func TestAccReliability_conflictWithAnotherObject(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	f := acctest.Fleet{Rules: 1}
	theirs := f.Rule(0)
	theirs.Approval = []p0.Approval{{Type: "deny"}}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				PreConfig: func() { env.Mock.PutRoutingRule(theirs) },
				Config:    env.Config(f.Hcl()),
				ExpectError: acctest.ExpectError("Routing Rule Already Exists", "P0 answered 409 Conflict",
					"a different rule with that name already exists in P0",
					fmt.Sprintf(`terraform import p0_routing_rule.<name> %q`, theirs.Name),
					"import {", "to = p0_routing_rule.<name>", fmt.Sprintf(`id = %q`, theirs.Name)),
			},
			{
				// An identical rule, made by nobody's lost answer, is
				// adopted: adopting it changes nothing in P0.
				PreConfig: func() {
					if got, _ := env.Mock.RoutingRule(theirs.Name); !framework.SameJSON(got, theirs) {
						t.Fatalf("the failed create changed the existing rule: %s", acctest.JSONText(got))
					}
					env.Mock.PutRoutingRule(f.Rule(0))
				},
				Config: env.Config(f.Hcl()),
				Check:  f.CheckMatches(env.Mock),
			},
			{
				// One of P0's default expiry options is not taken over.
				Config: env.Config(f.Hcl() + `
resource "p0_expiry_option" "default" {
  time = 1
  unit = "h"
}
`),
				ExpectError: acctest.ExpectError("Expiry Option Already Exists", "terraform import"),
			},
		},
	})
}
