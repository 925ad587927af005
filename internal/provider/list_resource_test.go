package provider_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccListResources queries an organization made outside Terraform with
// every list resource: what each lists (count, identities, display names,
// resource objects), the component filter, and the requests each query
// makes: one read of its list (shared by lists of the same one), and for staged items with their resource
// objects, one read of each item for its role metadata.
func TestAccListResources(t *testing.T) {
	env := acctest.NewTestEnv(t)
	acctest.SeedOrganization(env)
	// The filter leaves out the access-logs item, which the unfiltered
	// list holds.
	const otherWriteAccount = "545454545454"
	env.Mock.SetAWSItem(p0.ComponentIAMWrite, otherWriteAccount, p0.AWSItem{State: p0.StateStage})

	var mark int
	checkRequests := func(want map[string]int) func() {
		return func() {
			got := map[string]int{}
			for _, r := range env.Mock.Requests()[mark:] {
				got[r.Method+" "+r.Path]++
			}
			for call, n := range want {
				if got[call] != n {
					t.Errorf("the query sent %s %d times, want %d; it sent %v", call, got[call], n, got)
				}
			}
			if total := len(env.Mock.Requests()) - mark; total != acctest.SumOf(want) {
				t.Errorf("the query sent %d requests, want %d: %v", total, acctest.SumOf(want), got)
			}
		}
	}
	org := "/o/" + acctest.TestOrg
	seeded := env.Config(acctest.ExpiryOptionConfig(2, "h"))
	write := acctest.IdentityOf("component", p0.ComponentIAMWrite, "id", acctest.WriteAccount)

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   acctest.QueryVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: seeded},
			{
				PreConfig: env.MarkRequests(&mark),
				Query:     true,
				Config:    acctest.ListBlock("p0_routing_rule", "all", acctest.IncludeResource) + acctest.ListBlock("p0_aws_component", "all", acctest.IncludeResource) + acctest.ListBlock("p0_aws_component", "write", "  config {\n    component = \"iam-write\"\n  }\n") + acctest.ListBlock("p0_aws_component_staged", "all", acctest.IncludeResource) + acctest.ListBlock("p0_expiry_option", "all", ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("p0_routing_rule.all", 3+len(acctest.HeldRules)),
					querycheck.ExpectIdentity("p0_routing_rule.all", acctest.IdentityOf("name", "filtered")),
					querycheck.ExpectResourceDisplayName("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("name", "zero-options")), knownvalue.StringExact("zero-options")),
					querycheck.ExpectResourceKnownValues("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("name", "filtered")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("disabled"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("approval"), KnownValue: knownvalue.ListSizeExact(3)},
							{Path: tfjsonpath.New("resource").AtMapKey("filters").AtMapKey("account").AtMapKey("pattern"),
								KnownValue: knownvalue.StringExact("^prod-")},
						}),
					querycheck.ExpectResourceKnownValues("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("name", "Agents")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("requestor").AtMapKey("type"), KnownValue: knownvalue.StringExact("agentic")},
							{Path: tfjsonpath.New("resource").AtMapKey("access_type"), KnownValue: knownvalue.StringExact("all")},
							{Path: tfjsonpath.New("approval").AtSliceIndex(0).AtMapKey("groups").AtSliceIndex(0).AtMapKey("label"),
								KnownValue: knownvalue.StringExact("SRE")},
							{Path: tfjsonpath.New("approval").AtSliceIndex(0).AtMapKey("options").AtMapKey("require_preapproval"),
								KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("approval").AtSliceIndex(1).AtMapKey("options"), KnownValue: knownvalue.Null()},
						}),

					querycheck.ExpectLength("p0_aws_component.all", 4),
					querycheck.ExpectResourceKnownValues("p0_aws_component.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("component", p0.ComponentIAMWrite, "id", acctest.MergedAccount)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("login").AtMapKey("type"), KnownValue: knownvalue.StringExact("merged-idc")},
							{Path: tfjsonpath.New("login").AtMapKey("identity"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectIdentity("p0_aws_component.all", write),
					querycheck.ExpectIdentity("p0_aws_component.all",
						acctest.IdentityOf("component", p0.ComponentFunctionCaller, "id", acctest.FunctionARN)),
					querycheck.ExpectResourceDisplayName("p0_aws_component.all", queryfilter.ByResourceIdentity(write),
						knownvalue.StringExact("prod (iam-write/"+acctest.WriteAccount+")")),
					querycheck.ExpectResourceKnownValues("p0_aws_component.all", queryfilter.ByResourceIdentity(write),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("label"), KnownValue: knownvalue.StringExact("prod")},
							{Path: tfjsonpath.New("login").AtMapKey("identity").AtMapKey("tag_name"), KnownValue: knownvalue.StringExact("p0-user")},
							{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateInstalled)},
						}),
					querycheck.ExpectLength("p0_aws_component.write", 2),
					querycheck.ExpectIdentity("p0_aws_component.write", write),

					querycheck.ExpectLength("p0_aws_component_staged.all", 3),
					querycheck.ExpectIdentity("p0_aws_component_staged.all", acctest.IdentityOf("component", p0.ComponentInventory, "id", acctest.InventoryAccount)),
					querycheck.ExpectResourceKnownValues("p0_aws_component_staged.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("component", p0.ComponentIAMAssessment, "id", acctest.AssessmentAccount)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateConfigure)}}),
					querycheck.ExpectResourceKnownValues("p0_aws_component_staged.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("component", p0.ComponentIAMWrite, "id", otherWriteAccount)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateStage)},
							{Path: tfjsonpath.New("role_name"), KnownValue: knownvalue.NotNull()},
						}),

					querycheck.ExpectLength("p0_expiry_option.all", len(acctest.DefaultExpiryKeys)+2),
					querycheck.ExpectIdentity("p0_expiry_option.all", acctest.IdentityOf("key", "90m")),
					querycheck.ExpectResourceDisplayName("p0_expiry_option.all",
						queryfilter.ByResourceIdentity(acctest.IdentityOf("key", "2h")), knownvalue.StringExact("2 hours")),
				},
			},
			{
				PreConfig: checkRequests(map[string]int{
					"GET " + org + "/routing": 1,
					// One read of the integration serves the three AWS lists:
					// the client shares a read among an operation's callers.
					"GET " + org + "/integrations/aws/config":                                             1,
					"GET " + org + "/integrations/aws/config/inventory/" + acctest.InventoryAccount:       1,
					"GET " + org + "/integrations/aws/config/iam-assessment/" + acctest.AssessmentAccount: 1,
					"GET " + org + "/integrations/aws/config/iam-write/" + otherWriteAccount:              1,
					"GET " + org + "/settings/expiry-options":                                             1,
				}),
				Config: seeded,
			},
		},
	})
}
