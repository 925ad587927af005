package routing

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestAccRoutingWorkflowDataSource(t *testing.T) {
	env := acctest.NewTestEnv(t)
	// A rule made outside Terraform, so the data source has something to find
	// that no resource in the configuration manages.
	env.Mock.PutRoutingRule(p0.RoutingRule{
		Name:      "Made elsewhere",
		Requestor: p0.RuleRequestor{Type: "user", UID: "alice@example.com"},
		Resource:  p0.RuleResource{Type: "any"},
		Approval:  []p0.Approval{{Type: "deny"}},
	})
	firstVersion := env.Mock.WorkflowVersion()

	const current = "data.p0_routing_workflow.current"
	const old = "data.p0_routing_workflow.old"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(fmt.Sprintf(`
resource "p0_routing_rule" "test" {
  name      = "Managed"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "auto" }]
}

data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_rule.test]
}

data "p0_routing_workflow" "old" {
  id = %q
}
`, firstVersion)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(current, tfjsonpath.New("rules"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name": knownvalue.StringExact("Made elsewhere"),
							"requestor": knownvalue.ObjectExact(map[string]knownvalue.Check{"type": knownvalue.StringExact("user"), "uid": knownvalue.StringExact("alice@example.com"),
								"groups": knownvalue.Null(), "effect": knownvalue.Null(), "agent": knownvalue.Null(), "user": knownvalue.Null()}),
						}),
						knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("Managed")}),
					})),
					statecheck.ExpectKnownValue(current, tfjsonpath.New("id"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(current, tfjsonpath.New("created_date"), knownvalue.NotNull()),
					statecheck.ExpectKnownValue(old, tfjsonpath.New("id"), knownvalue.StringExact(firstVersion)),
					statecheck.ExpectKnownValue(old, tfjsonpath.New("rules"), knownvalue.ListSizeExact(1)),
				},
			},
		},
	})
}

func TestAccRoutingWorkflowDataSource_unknownVersion(t *testing.T) {
	env := acctest.NewTestEnv(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(`data "p0_routing_workflow" "test" { id = "no-such-version" }`),
			ExpectError: regexp.MustCompile(`(?s)Unable to Read Routing Workflow.*404 Not\s+Found`),
		}},
	})
}

// TestRoutingWorkflowDataSourceDescribesReadRules checks that the rules the
// data source reads are not described with what configuring a rule does.
func TestRoutingWorkflowDataSourceDescribesReadRules(t *testing.T) {
	var resp datasource.SchemaResponse
	NewRoutingWorkflowDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	var walk func(prefix string, attrs map[string]dschema.Attribute)
	walk = func(prefix string, attrs map[string]dschema.Attribute) {
		for name, a := range attrs {
			desc := a.GetMarkdownDescription()
			for _, configOnly := range []string{"Changing it replaces", "Defaults to"} {
				if strings.Contains(desc, configOnly) && prefix != "" {
					t.Errorf("%s%s is described for a configuration: %q", prefix, name, desc)
				}
			}
			switch a := a.(type) {
			case dschema.ListNestedAttribute:
				walk(prefix+name+".", a.NestedObject.Attributes)
			case dschema.SingleNestedAttribute:
				walk(prefix+name+".", a.Attributes)
			case dschema.MapNestedAttribute:
				walk(prefix+name+".", a.NestedObject.Attributes)
			}
		}
	}
	walk("", resp.Schema.Attributes)
	rules, ok := resp.Schema.Attributes["rules"].(dschema.ListNestedAttribute)
	if !ok {
		t.Fatalf("rules is a %T", resp.Schema.Attributes["rules"])
	}
	if got := rules.NestedObject.Attributes["name"].GetMarkdownDescription(); got != ruleNameDescription {
		t.Errorf("rules.name is described as %q", got)
	}
}
