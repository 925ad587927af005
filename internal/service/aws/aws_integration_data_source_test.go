package aws

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func TestAWSIntegrationModelFrom(t *testing.T) {
	got := awsIntegrationModelFrom(p0.AWSIntegration{
		p0.ComponentBase:     {"123456789012": {State: p0.StateInstalled, ServiceAccountEmail: "p0@example.com"}},
		p0.ComponentIAMWrite: {"123456789012": {State: p0.StateStage}, "210987654321": {Label: "prod", State: p0.StateInstalled}},
		"future-component":   {"x": {State: p0.StateConfigure}},
	})
	want := map[string]map[string]awsIntegrationItemModel{
		p0.ComponentBase: {"123456789012": {Label: types.StringNull(), State: types.StringValue(p0.StateInstalled)}},
		p0.ComponentIAMWrite: {
			"123456789012": {Label: types.StringNull(), State: types.StringValue(p0.StateStage)},
			"210987654321": {Label: types.StringValue("prod"), State: types.StringValue(p0.StateInstalled)},
		},
		p0.ComponentIAMAssessment:  {},
		p0.ComponentFunctionCaller: {},
		p0.ComponentAccessLogs:     {},
		p0.ComponentInventory:      {},
		// A component this provider does not know yet is still listed.
		"future-component": {"x": {Label: types.StringNull(), State: types.StringValue(p0.StateConfigure)}},
	}
	if !reflect.DeepEqual(got.Components, want) {
		t.Errorf("components = %+v\nwant %+v", got.Components, want)
	}

	// Without an integration root every component is listed, empty.
	empty := awsIntegrationModelFrom(nil)
	if len(empty.Components) != len(p0.AllComponents) {
		t.Errorf("components without a root = %+v, want every component", empty.Components)
	}
	for component, items := range empty.Components {
		if items == nil || len(items) != 0 {
			t.Errorf("component %s without a root = %#v, want an empty map", component, items)
		}
	}
}

// TestAccAWSIntegrationDataSource reads the integration before it exists,
// then after ten components were installed in parallel, which must create
// the integration root exactly once.
func TestAccAWSIntegrationDataSource(t *testing.T) {
	env := acctest.NewTestEnv(t)
	const address = "data.p0_aws_integration.all"
	emptyComponents := map[string]knownvalue.Check{}
	for _, c := range p0.AllComponents {
		emptyComponents[c] = knownvalue.MapSizeExact(0)
	}
	accounts := make([]string, 10)
	quoted := make([]string, 10)
	for i := range accounts {
		accounts[i] = fmt.Sprintf("8888888888%02d", i)
		quoted[i] = strconv.Quote(accounts[i])
	}
	tenComponents := fmt.Sprintf(`
locals {
  accounts = [%s]
}

resource "p0_aws_component" "inventory" {
  count      = length(local.accounts)
  component  = "inventory"
  account_id = local.accounts[count.index]
  label      = "inventory ${local.accounts[count.index]}"
}

data "p0_aws_integration" "all" {
  depends_on = [p0_aws_component.inventory]
}
`, strings.Join(quoted, ", "))
	item := func(label string) knownvalue.Check {
		return knownvalue.ObjectExact(map[string]knownvalue.Check{
			"label": knownvalue.StringExact(label),
			"state": knownvalue.StringExact(p0.StateInstalled),
		})
	}
	components := tfjsonpath.New("components")

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             acctest.CheckOnlyBaseLeft(env),
		Steps: []resource.TestStep{
			{
				// No integration root: P0 answers 404, which is no error.
				Config: env.Config(`data "p0_aws_integration" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, components, knownvalue.MapExact(emptyComponents)),
				},
			},
			{
				Config: env.Config(tenComponents),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(address, components.AtMapKey(p0.ComponentInventory), knownvalue.MapSizeExact(10)),
					statecheck.ExpectKnownValue(address, components.AtMapKey(p0.ComponentInventory).AtMapKey(accounts[3]), item("inventory "+accounts[3])),
					statecheck.ExpectKnownValue(address, components.AtMapKey(p0.ComponentBase), knownvalue.MapSizeExact(1)),
					statecheck.ExpectKnownValue(address, components.AtMapKey(p0.ComponentIAMWrite), knownvalue.MapSizeExact(0)),
				},
				Check: func(*terraform.State) error {
					calls := awsCallsSince(env, 0)
					if err := acctest.CountCalls(calls, "POST /", 1); err != nil {
						return fmt.Errorf("the integration root must be created exactly once: %w", err)
					}
					for _, a := range accounts {
						for _, call := range []string{"/verify", "/configure"} {
							if err := acctest.CountCalls(calls, "POST /inventory/"+a+call, 1); err != nil {
								return err
							}
						}
						// One read before installing; a configure that succeeds
						// needs none after.
						if err := acctest.CountCalls(calls, "GET /inventory/"+a, 1); err != nil {
							return err
						}
					}
					return nil
				},
			},
		},
	})
}
