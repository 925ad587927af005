package acctest

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func ExpiryOptionConfig(time int, unit string) string {
	return fmt.Sprintf(`
resource "p0_expiry_option" "test" {
  time = %d
  unit = %q
}
`, time, unit)
}

// CheckOnlyExpiryOptions asserts that P0 holds exactly the options with
// these keys.
func CheckOnlyExpiryOptions(e *TestEnv, keys ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, o := range e.Mock.ExpiryOptions() {
			got = append(got, p0.ExpiryKey(o.Time, o.Unit))
		}
		want := slices.Clone(keys)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			return fmt.Errorf("P0 holds the expiry options %v, want %v", got, want)
		}
		return nil
	}
}

// JitSettingsConfig is a p0_jit_settings block with the given body.
func JitSettingsConfig(body string) string {
	return "resource \"p0_jit_settings\" \"test\" {\n" + body + "\n}\n"
}

// FullJITSettings sets every attribute; durations are written as keys such
// as "2h".
func FullJITSettings(allowOneParty, requireReason bool, standing, maximum string) string {
	return JitSettingsConfig(fmt.Sprintf(`
  allow_one_party          = %t
  require_reason           = %t
  standing_access_duration = %s
  max_access_duration      = %s`, allowOneParty, requireReason, DurationHCL(standing), DurationHCL(maximum)))
}

// CheckSettings asserts P0's settings; durations are keys such as "2h".
func CheckSettings(e *TestEnv, allowOneParty, requireReason bool, standing, maximum string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		a := e.Mock.DefaultApprovals()
		if *a.AllowOneParty != allowOneParty || *a.RequireReason != requireReason {
			return fmt.Errorf("P0 has allowOneParty=%t requireReason=%t, want %t and %t",
				*a.AllowOneParty, *a.RequireReason, allowOneParty, requireReason)
		}
		s, m := e.Mock.StandingAccessDuration(), e.Mock.MaxAccessDuration()
		if got := p0.ExpiryKey(s.Time, s.Unit); got != standing {
			return fmt.Errorf("P0's standing access duration is %s, want %s", got, standing)
		}
		if got := p0.ExpiryKey(m.Time, m.Unit); got != maximum {
			return fmt.Errorf("P0's maximum access duration is %s, want %s", got, maximum)
		}
		return nil
	}
}

// DurationHCL writes a key such as "90m" as { time = 90, unit = "m" }.
func DurationHCL(key string) string {
	time, unit, err := p0.ParseExpiryKey(key)
	if err != nil {
		panic(err)
	}
	return fmt.Sprintf("{ time = %d, unit = %q }", time, unit)
}
