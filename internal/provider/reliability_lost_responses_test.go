package provider

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

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
	env := newReliabilityEnv(t)
	created := fleet{Rules: 40, ExpiryOptions: 12, JITSettings: true}
	updated := created
	updated.Variant = 1
	lostIn := map[string]int{}
	countLost := func(step string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			lostIn[step] = len(env.Traffic.lostExchanges())
			env.Traffic.Reset()
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeAggregateTestCheckFunc(
			created.checkEmpty(env.Mock),
			countLost("destroy"),
		),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{LoseResponseRate: 0.05, Seed: 7})
					env.Traffic.Reset()
				},
				Config: env.configWithRetries(faultRetries, created.hcl()),
				Check: resource.ComposeAggregateTestCheckFunc(
					created.checkMatches(env.Mock),
					// The assertion that matters: without answers lost
					// during the creates, this step would prove nothing.
					func(*terraform.State) error {
						creates := 0
						for _, ex := range env.Traffic.lostExchanges() {
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
				Config: env.configWithRetries(faultRetries, updated.hcl()),
				Check: resource.ComposeAggregateTestCheckFunc(
					updated.checkMatches(env.Mock),
					countLost("update"),
				),
			},
			{
				Config: env.configWithRetries(faultRetries, updated.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
	lost := mockFaults(env.Mock)["lost"]
	if lost == 0 {
		t.Fatal("the mock lost no answer at all")
	}
	t.Logf("lost responses suite: %d objects; answers lost: %d while creating, %d while updating and replacing, %d while destroying",
		created.objects(), lostIn["create"], lostIn["update"], lostIn["destroy"])
}

// TestAccReliability_lostAnswerToEveryWrite loses, once each, the answer
// to every kind of write the resources send, at a chosen moment rather
// than at random: each create, update, replacement and delete must still
// succeed at the first apply, with no duplicate and nothing left behind.
func TestAccReliability_lostAnswerToEveryWrite(t *testing.T) {
	env := newReliabilityEnv(t)
	created := fleet{Rules: 1, ExpiryOptions: 1, JITSettings: true}
	updated := created
	updated.Variant = 1
	org := "/o/" + testOrg
	lose := func(writes ...string) func() {
		return func() {
			env.Traffic.Reset()
			for _, w := range writes {
				method, path, _ := strings.Cut(w, " ")
				env.Traffic.loseNext(method, org+path)
			}
		}
	}
	settingsWrites := []string{
		"PUT /settings/default-approvals",
		"PUT /settings/standing-access-duration",
		"PUT /settings/max-access-duration",
	}
	checkAllLost := func(want int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if n := env.Traffic.pendingLosses(); n > 0 {
				return fmt.Errorf("%d planned losses never fired: the writes they were meant for were not sent", n)
			}
			if got := len(env.Traffic.lostExchanges()); got != want {
				return fmt.Errorf("%d answers were lost, want %d", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(created.checkEmpty(env.Mock), checkAllLost(2)),
		Steps: []resource.TestStep{
			{
				PreConfig: lose(append([]string{
					"POST /routing/name/",
					"POST /settings/expiry-options",
				}, settingsWrites...)...),
				Config: env.Config(created.hcl()),
				Check:  resource.ComposeAggregateTestCheckFunc(created.checkMatches(env.Mock), checkAllLost(5)),
			},
			{
				// The rule is updated in place, the option replaced: its
				// delete and its new create both lose their answers.
				PreConfig: lose(append([]string{
					"PUT /routing/name/",
					"DELETE /settings/expiry-options/",
					"POST /settings/expiry-options",
				}, settingsWrites...)...),
				Config: env.Config(updated.hcl()),
				Check:  resource.ComposeAggregateTestCheckFunc(updated.checkMatches(env.Mock), checkAllLost(6)),
			},
			{
				PreConfig: lose("DELETE /routing/name/", "DELETE /settings/expiry-options/"),
				Config:    env.Config(updated.hcl()),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

// TestAccReliability_lostExpiryCreateWithoutReads loses the answer to an
// expiry option's create on a P0 that cannot list the options, so that the
// create cannot look before it posts: the 409 that follows the retry must
// still be taken as its own.
func TestAccReliability_lostExpiryCreateWithoutReads(t *testing.T) {
	env := newReliabilityEnv(t)
	f := fleet{ExpiryOptions: 1}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             f.checkEmpty(env.Mock),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				env.Mock.SetSettingsReads(false)
				env.Traffic.loseNext(http.MethodPost, "/o/"+testOrg+"/settings/expiry-options")
			},
			Config: env.Config(f.hcl()),
			Check: resource.ComposeAggregateTestCheckFunc(
				f.checkMatches(env.Mock),
				func(*terraform.State) error {
					if n := env.Traffic.pendingLosses(); n > 0 {
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
	env := newReliabilityEnv(t)
	f := fleet{Rules: 1}
	theirs := f.rule(0)
	theirs.Approval = []p0.Approval{{Type: "deny"}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				PreConfig:   func() { env.Mock.PutRoutingRule(theirs) },
				Config:      env.Config(f.hcl()),
				ExpectError: expectError("Unable to Create Routing Rule", "a different routing rule named", "already exists in P0", "terraform import"),
			},
			{
				// An identical rule, made by nobody's lost answer, is
				// adopted: adopting it changes nothing in P0.
				PreConfig: func() {
					if got, _ := env.Mock.RoutingRule(theirs.Name); !sameJSON(got, theirs) {
						t.Fatalf("the failed create changed the existing rule: %s", jsonText(got))
					}
					env.Mock.PutRoutingRule(f.rule(0))
				},
				Config: env.Config(f.hcl()),
				Check:  f.checkMatches(env.Mock),
			},
			{
				// One of P0's default expiry options is not taken over.
				Config: env.Config(f.hcl() + `
resource "p0_expiry_option" "default" {
  time = 1
  unit = "h"
}
`),
				ExpectError: expectError("Expiry Option Already Exists", "terraform import"),
			},
		},
	})
}
