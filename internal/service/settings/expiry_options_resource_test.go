package settings

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

const expiryOptionsAddress = "p0_expiry_options.this"

// expiryOptionsConfig is a p0_expiry_options block of the options, each
// "time unit".
func expiryOptionsConfig(options ...string) string {
	hcl := "resource \"p0_expiry_options\" \"this\" {\n  options = ["
	for _, o := range options {
		var time, unit string
		for i := range o {
			if o[i] == ' ' {
				time, unit = o[:i], o[i+1:]
			}
		}
		hcl += "\n    { time = " + time + ", unit = \"" + unit + "\" },"
	}
	return hcl + "\n  ]\n}\n"
}

// TestAccExpiryOptions checks that the resource owns the whole set: an
// apply makes P0's presets exactly the configured ones, P0's defaults
// included, a preset added in P0 is planned away, an import reads P0's
// set, and a destroy removes the set. Where P0 has no read for the
// presets, it creates and deletes by the difference with the state.
func TestAccExpiryOptions(t *testing.T) {
	acctest.EachVariant(t, []string{"", "settings-reads-404"}, func(t *testing.T, variant string, env *acctest.TestEnv) {
		readable := variant == ""
		// Without a read, P0's defaults are not known, and stay.
		expect := func(keys ...string) resource.TestCheckFunc {
			if !readable {
				keys = append(keys, acctest.DefaultExpiryKeys...)
			}
			return acctest.CheckOnlyExpiryOptions(env, keys...)
		}
		steps := []resource.TestStep{
			{Config: env.Config(expiryOptionsConfig("2 h", "3 d")), Check: expect("2h", "3d")},
			{Config: env.Config(expiryOptionsConfig("2 h", "3 d")), ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}},
			{Config: env.Config(expiryOptionsConfig("2 h", "1 w")), Check: expect("2h", "1w")},
		}
		if readable {
			steps = append(steps,
				resource.TestStep{
					Config: env.Config(expiryOptionsConfig("2 h", "1 w")), ResourceName: expiryOptionsAddress,
					ImportState: true, ImportStateId: acctest.TestOrg, ImportStateVerify: true,
				},
				resource.TestStep{
					// Added in P0, outside Terraform: planned away.
					PreConfig: func() {
						env.Mock.SetExpiryOptions(append(env.Mock.ExpiryOptions(), p0.Duration{Time: 45, Unit: "m"}))
					},
					Config: env.Config(expiryOptionsConfig("2 h", "1 w")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(expiryOptionsAddress, plancheck.ResourceActionUpdate)}},
					Check: expect("2h", "1w"),
				})
		}
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: env.Factories(),
			CheckDestroy:             expect(),
			Steps:                    steps,
		})
	})
}

// TestAccExpiryOptions_invalid checks the refusals at plan time, each
// naming the attribute.
func TestAccExpiryOptions_invalid(t *testing.T) {
	env := acctest.NewTestEnv(t)
	for name, c := range map[string]struct {
		config string
		want   []string
	}{
		"duplicate": {expiryOptionsConfig("2 h", "3 d", "2 h"), []string{"Duplicate Expiry Option", "preset 2h is listed at index 0"}},
		"unit":      {expiryOptionsConfig("2 y"), []string{"options[0].unit", "must be one of"}},
		"time":      {expiryOptionsConfig("0 h"), []string{"options[0].time", "at least 1"}},
	} {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				Steps:                    []resource.TestStep{{Config: env.Config(c.config), PlanOnly: true, ExpectError: acctest.ExpectError(c.want...)}},
			})
		})
	}
}
