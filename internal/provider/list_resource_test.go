package provider

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// List resources need Terraform 1.14 (terraform query); OpenTofu has none.
var queryVersions = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	skipOnOpenTofu("OpenTofu has no terraform query"),
}

// listBlock is a list block of a query file; body is added inside it.
func listBlock(resourceType, name, body string) string {
	return fmt.Sprintf("list %q %q {\n  provider = p0\n%s}\n", resourceType, name, body)
}

const includeResource = "  include_resource = true\n"

// identityOf is a knownvalue check of an identity's string attributes.
func identityOf(attributes ...string) map[string]knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for i := 0; i+1 < len(attributes); i += 2 {
		checks[attributes[i]] = knownvalue.StringExact(attributes[i+1])
	}
	return checks
}

// TestAccListResources queries an organization made outside Terraform with
// every list resource: what each lists (count, identities, display names,
// resource objects), the component filter, and the requests each query
// makes: one read of its list (shared by lists of the same one), and for staged items with their resource
// objects, one read of each item for its role metadata.
func TestAccListResources(t *testing.T) {
	env := newTestEnv(t)
	seedOrganization(env)
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
			if total := len(env.Mock.Requests()) - mark; total != sumOf(want) {
				t.Errorf("the query sent %d requests, want %d: %v", total, sumOf(want), got)
			}
		}
	}
	org := "/o/" + testOrg
	seeded := env.Config(expiryOptionConfig(2, "h"))
	write := identityOf("component", p0.ComponentIAMWrite, "id", writeAccount)

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   queryVersions,
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: seeded},
			{
				PreConfig: env.markRequests(&mark),
				Query:     true,
				Config: listBlock("p0_routing_rule", "all", includeResource) +
					listBlock("p0_aws_component", "all", includeResource) +
					listBlock("p0_aws_component", "write", "  config {\n    component = \"iam-write\"\n  }\n") +
					listBlock("p0_aws_component_staged", "all", includeResource) +
					listBlock("p0_expiry_option", "all", ""),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength("p0_routing_rule.all", 3+len(heldRules)),
					querycheck.ExpectIdentity("p0_routing_rule.all", identityOf("name", "filtered")),
					querycheck.ExpectResourceDisplayName("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(identityOf("name", "zero-options")), knownvalue.StringExact("zero-options")),
					querycheck.ExpectResourceKnownValues("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(identityOf("name", "filtered")), []querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("disabled"), KnownValue: knownvalue.Bool(true)},
							{Path: tfjsonpath.New("approval"), KnownValue: knownvalue.ListSizeExact(3)},
							{Path: tfjsonpath.New("resource").AtMapKey("filters").AtMapKey("account").AtMapKey("pattern"),
								KnownValue: knownvalue.StringExact("^prod-")},
						}),
					querycheck.ExpectResourceKnownValues("p0_routing_rule.all",
						queryfilter.ByResourceIdentity(identityOf("name", "Agents")), []querycheck.KnownValueCheck{
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
						queryfilter.ByResourceIdentity(identityOf("component", p0.ComponentIAMWrite, "id", mergedAccount)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("login").AtMapKey("type"), KnownValue: knownvalue.StringExact("merged-idc")},
							{Path: tfjsonpath.New("login").AtMapKey("identity"), KnownValue: knownvalue.Null()},
						}),
					querycheck.ExpectIdentity("p0_aws_component.all", write),
					querycheck.ExpectIdentity("p0_aws_component.all",
						identityOf("component", p0.ComponentFunctionCaller, "id", functionARN)),
					querycheck.ExpectResourceDisplayName("p0_aws_component.all", queryfilter.ByResourceIdentity(write),
						knownvalue.StringExact("prod (iam-write/"+writeAccount+")")),
					querycheck.ExpectResourceKnownValues("p0_aws_component.all", queryfilter.ByResourceIdentity(write),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("label"), KnownValue: knownvalue.StringExact("prod")},
							{Path: tfjsonpath.New("login").AtMapKey("identity").AtMapKey("tag_name"), KnownValue: knownvalue.StringExact("p0-user")},
							{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateInstalled)},
						}),
					querycheck.ExpectLength("p0_aws_component.write", 2),
					querycheck.ExpectIdentity("p0_aws_component.write", write),

					querycheck.ExpectLength("p0_aws_component_staged.all", 3),
					querycheck.ExpectIdentity("p0_aws_component_staged.all", identityOf("component", p0.ComponentInventory, "id", inventoryAccount)),
					querycheck.ExpectResourceKnownValues("p0_aws_component_staged.all",
						queryfilter.ByResourceIdentity(identityOf("component", p0.ComponentIAMAssessment, "id", assessmentAccount)),
						[]querycheck.KnownValueCheck{{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateConfigure)}}),
					querycheck.ExpectResourceKnownValues("p0_aws_component_staged.all",
						queryfilter.ByResourceIdentity(identityOf("component", p0.ComponentIAMWrite, "id", otherWriteAccount)),
						[]querycheck.KnownValueCheck{
							{Path: tfjsonpath.New("state"), KnownValue: knownvalue.StringExact(p0.StateStage)},
							{Path: tfjsonpath.New("role_name"), KnownValue: knownvalue.NotNull()},
						}),

					querycheck.ExpectLength("p0_expiry_option.all", len(defaultExpiryKeys)+2),
					querycheck.ExpectIdentity("p0_expiry_option.all", identityOf("key", "90m")),
					querycheck.ExpectResourceDisplayName("p0_expiry_option.all",
						queryfilter.ByResourceIdentity(identityOf("key", "2h")), knownvalue.StringExact("2 hours")),
				},
			},
			{
				PreConfig: checkRequests(map[string]int{
					"GET " + org + "/routing": 1,
					// One read of the integration serves the three AWS lists:
					// the client shares a read among an operation's callers.
					"GET " + org + "/integrations/aws/config":                                     1,
					"GET " + org + "/integrations/aws/config/inventory/" + inventoryAccount:       1,
					"GET " + org + "/integrations/aws/config/iam-assessment/" + assessmentAccount: 1,
					"GET " + org + "/integrations/aws/config/iam-write/" + otherWriteAccount:      1,
					"GET " + org + "/settings/expiry-options":                                     1,
				}),
				Config: seeded,
			},
		},
	})
}

func sumOf(counts map[string]int) (sum int) {
	for _, n := range counts {
		sum += n
	}
	return sum
}

// TestExpiryOptionListUnreadable lists the expiry options of a P0 that
// has no read for them: no results, and one warning that says why and what
// to do instead, never an error.
func TestExpiryOptionListUnreadable(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusMethodNotAllowed} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			env := newTestEnvBehaving(t, p0mock.Behavior{SettingsReads: status})
			l := &expiryOptionListResource{framework.ResourceBase{Base: framework.Base{TypeName: "expiry_option", Client: env.client(t)}}}
			results := collectList(t, l, &expiryOptionResource{}, 0, false)
			if len(results) != 1 || results[0].Identity != nil {
				t.Fatalf("got %d results, want only the warning: %+v", len(results), results)
			}
			diags := results[0].Diagnostics
			if diags.HasError() || diags.WarningsCount() != 1 {
				t.Fatalf("diagnostics = %v, want one warning", diags)
			}
			detail := diags[0].Detail()
			for _, want := range []string{strconv.Itoa(status), "none can be listed", `terraform import p0_expiry_option.two_hours "2h"`} {
				if !strings.Contains(detail, want) {
					t.Errorf("the warning does not say %q:\n%s", want, detail)
				}
			}
			// Its advice is its own: not the generic one for a 404, which
			// would send the user to apply.
			if strings.Contains(detail, "run terraform apply again") {
				t.Errorf("the warning gives the generic advice for its status beside its own:\n%s", detail)
			}
		})
	}
}

// TestListLimit lists the routing rules of an organization of five with a
// query's limit of two: the list stops after two, the first two in
// evaluation order.
func TestListLimit(t *testing.T) {
	env := newTestEnv(t)
	for i := range 5 {
		env.Mock.PutRoutingRule(fleet{}.rule(i))
	}
	l := &routingRuleListResource{framework.ResourceBase{Base: framework.Base{TypeName: "routing_rule", Client: env.client(t)}}}
	results := collectList(t, l, &routingRuleResource{}, 2, false)
	rules := env.Mock.RoutingRules()
	if len(results) != 2 {
		t.Fatalf("got %d results, want 2", len(results))
	}
	for i, result := range results {
		if result.Diagnostics.HasError() || result.DisplayName != rules[i].Name {
			t.Errorf("result %d = %q (%v), want %q", i, result.DisplayName, result.Diagnostics, rules[i].Name)
		}
	}
}

// collectList runs l's List with every filter left out and limit (0 for
// none), as a query of r's list resource would (asking for resource
// objects when includeResource), and collects every result.
func collectList(t *testing.T, l list.ListResource, r fwresource.ResourceWithIdentity, limit int64, includeResource bool) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	var identityResp fwresource.IdentitySchemaResponse
	r.IdentitySchema(ctx, fwresource.IdentitySchemaRequest{}, &identityResp)
	configType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("%T's configuration is not an object", l)
	}
	unset := map[string]tftypes.Value{}
	for name, attributeType := range configType.AttributeTypes {
		unset[name] = tftypes.NewValue(attributeType, nil)
	}
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(configType, unset)},
		ResourceSchema:         schemaOf(t, r),
		ResourceIdentitySchema: identityResp.IdentitySchema,
		Limit:                  limit,
		IncludeResource:        includeResource,
	}
	var stream list.ListResultsStream
	l.List(ctx, req, &stream)
	var results []list.ListResult
	for result := range stream.Results {
		results = append(results, result)
	}
	return results
}

// TestAWSListsWithoutIntegration lists the AWS items of an organization
// that has never staged one, where P0 answers 404 for the integration: both
// lists are empty, with no diagnostic, as the p0_aws_integration data
// source reads it.
func TestAWSListsWithoutIntegration(t *testing.T) {
	env := newTestEnv(t)
	client := env.client(t)
	for name, c := range map[string]struct {
		list     list.ListResource
		resource fwresource.ResourceWithIdentity
	}{
		"p0_aws_component":        {&awsComponentListResource{framework.ResourceBase{Base: framework.Base{Client: client}}}, &awsComponentResource{}},
		"p0_aws_component_staged": {&awsComponentStagedListResource{framework.ResourceBase{Base: framework.Base{Client: client}}}, &awsComponentStagedResource{}},
	} {
		if results := collectList(t, c.list, c.resource, 0, false); len(results) != 0 {
			t.Errorf("%s listed %d results without an integration: %+v", name, len(results), results)
		}
	}
	if n := env.Mock.Count("GET /o/{org}/integrations/aws/config"); n == 0 {
		t.Error("the lists did not read the integration")
	}
}

// TestStagedListItemRemovedBetweenReads lists two staged items with their
// resource objects, which takes a read of each after the integration's.
// One that P0 no longer has by then is left out, and the other listed; any
// other failure of that read fails the list, naming the item.
func TestStagedListItemRemovedBetweenReads(t *testing.T) {
	const gone, kept = "111111111111", "222222222222"
	itemRead := "/o/{org}/integrations/aws/config/{component}/{id}"
	for _, c := range []struct {
		name    string
		status  int
		listed  []string
		failure string
		reads   int
	}{
		{name: "removed", status: http.StatusNotFound, listed: []string{p0.ComponentInventory + "/" + kept}, reads: 2},
		{name: "refused", status: http.StatusForbidden, failure: `reading AWS component "inventory" in account ` + gone, reads: 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			env := newTestEnv(t)
			for _, id := range []string{gone, kept} {
				env.Mock.SetAWSItem(p0.ComponentInventory, id, p0.AWSItem{State: p0.StateStage})
			}
			env.Mock.FailNext(http.MethodGet, itemRead, c.status, "no such item")
			l := &awsComponentStagedListResource{framework.ResourceBase{Base: framework.Base{Client: env.client(t)}}}
			results := collectList(t, l, &awsComponentStagedResource{}, 0, true)
			var listed []string
			var errs diag.Diagnostics
			for _, result := range results {
				errs.Append(result.Diagnostics.Errors()...)
				if result.Identity != nil {
					var model awsComponentStagedModel
					result.Diagnostics.Append(result.Resource.Get(context.Background(), &model)...)
					listed = append(listed, model.ID.ValueString())
				}
			}
			if !slices.Equal(listed, c.listed) {
				t.Errorf("listed %v, want %v", listed, c.listed)
			}
			switch {
			case c.failure == "" && errs.HasError():
				t.Errorf("the list failed: %v", errs)
			case c.failure != "" && (len(errs) != 1 || !strings.Contains(errs[0].Detail(), c.failure)):
				t.Errorf("errors = %v, want one that says %q", errs, c.failure)
			}
			if n := env.Mock.Count("GET " + itemRead); n != c.reads {
				t.Errorf("the list read an item %d times, want %d", n, c.reads)
			}
		})
	}
}

// TestNoTimeoutsFitsTheSchema stores an installed item as the
// p0_aws_component list resource returns it: its timeouts block, left out,
// has the type of the resource's block, so the object fits the resource's
// state.
func TestNoTimeoutsFitsTheSchema(t *testing.T) {
	ctx := context.Background()
	item := p0.AWSItem{State: p0.StateInstalled, Label: "listed"}
	state := stateOf(t, &awsComponentResource{}, componentModel(newAWSItemTarget(p0.ComponentInventory, "123456789012"), item, noTimeouts(ctx)))
	var block timeouts.Value
	if diags := state.GetAttribute(ctx, path.Root("timeouts"), &block); diags.HasError() || !block.IsNull() {
		t.Fatalf("timeouts = %v (%v), want a null block", block, diags)
	}
}
