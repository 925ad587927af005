package acctest

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// FullRuleConfig sets every attribute of a routing rule.
func FullRuleConfig(name string, disabled bool, duration int) string {
	return fmt.Sprintf(`
resource "p0_routing_rule" "test" {
  name     = %q
  disabled = %t

  requestor = {
    type = "group"
    uid  = "engineering@example.com"
  }

  resource = {
    type    = "integration"
    service = "aws"
    filters = {
      account = {
        effect  = "remove"
        key     = "account"
        pattern = "prod-.*"
      }
      sensitive = {
        effect = "keep"
        key    = "sensitive"
        value  = false
      }
    }
  }

  approval = [
    {
      type             = "requestor-profile"
      directory        = "okta"
      profile_property = "manager"
      options = {
        allow_one_party = false
        require_reason  = true
        cooldown        = 0
        duration        = %d
      }
    },
    {
      type        = "group"
      integration = "pagerduty"
      services    = ["on-call", "sre"]
    },
  ]
}
`, name, disabled, duration)
}

// CheckRuleInMock asserts that P0 holds the named rule and that it passes
// the given check.
func CheckRuleInMock(e *TestEnv, name string, check func(p0.RoutingRule) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		rule, ok := e.Mock.RoutingRule(name)
		if !ok {
			return fmt.Errorf("routing rule %q is not in P0", name)
		}
		return check(rule)
	}
}

// CheckNoRoutingRules is CheckDestroy for routing rules: P0 is left empty.
func CheckNoRoutingRules(e *TestEnv) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if rules := e.Mock.RoutingRules(); len(rules) != 0 {
			return fmt.Errorf("P0 still holds %d routing rules after destroy, first %q", len(rules), rules[0].Name)
		}
		return nil
	}
}
