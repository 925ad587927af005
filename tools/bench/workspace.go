package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The configurations each row applies. Provider and floor configurations
// of one row have the same number of resources and the same dependencies
// between them. Each terraform_data of the floor holds the values of its
// provider resource, once, as a JSON string in triggers_replace: Terraform
// evaluates the same expressions and keeps as much in state, so the
// difference in time is what the plugin protocol, the provider and the API
// add to Terraform's own work. (input would store the values twice, in
// input and output, and as an object of dynamic type, which costs
// Terraform far more than the provider's schema does.)

const providerHeader = `terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

# Host, organization and token come from P0_HOST, P0_ORG and P0_API_TOKEN.
provider "p0" {}
`

// ruleBody is the body of one routing rule, written in terms of count.index:
// a group may request AWS outside production, approved by an on-call team.
const ruleBody = `  name = "bench-rule-${count.index}"

  requestor = {
    type = "group"
    uid  = "team-${count.index % 10}@example.com"
  }

  resource = {
    type    = "integration"
    service = "aws"
    filters = {
      "account" = {
        effect  = "remove"
        key     = "account"
        pattern = "production-.*"
      }
    }
  }

  approval = [
    {
      type        = "group"
      integration = "pagerduty"
      services    = ["on-call-${count.index % 10}"]
      options = {
        require_reason = true
        duration       = 60
      }
    },
  ]
`

// rulesConfig manages n routing rules.
func rulesConfig(n int) string {
	return providerHeader + fmt.Sprintf("\nresource \"p0_routing_rule\" \"bench\" {\n  count = %d\n\n%s}\n", n, ruleBody)
}

// workflowConfig manages the same n rules as rulesConfig, in order, as one
// p0_routing_workflow.
func workflowConfig(n int) string {
	rule := strings.ReplaceAll(indent(ruleBody), "count.index", "i")
	return providerHeader + fmt.Sprintf("\nresource \"p0_routing_workflow\" \"bench\" {\n  rules = [for i in range(%d) : {\n%s  }]\n}\n", n, rule)
}

// rulesFloor is rulesConfig with terraform_data holding the same values.
func rulesFloor(n int) string {
	return fmt.Sprintf("resource \"terraform_data\" \"bench\" {\n  count = %d\n\n  triggers_replace = jsonencode({\n%s  })\n}\n", n, indent(ruleBody))
}

// awsAccountID is the 12-digit account of the i-th component.
const awsAccountID = `format("%012d", 100000000000 + count.index)`

// awsConfig stages and installs the iam-write component for n AWS
// accounts: each installed component depends on its staged one, as in a
// real configuration where the IAM role sits between them.
func awsConfig(n int) string {
	return providerHeader + fmt.Sprintf(`
resource "p0_aws_component_staged" "bench" {
  count = %[1]d

  component  = "iam-write"
  account_id = %[2]s
}

resource "p0_aws_component" "bench" {
  count = %[1]d

  component  = p0_aws_component_staged.bench[count.index].component
  account_id = p0_aws_component_staged.bench[count.index].account_id
  login = {
    type     = "idc"
    identity = { type = "email" }
  }
}
`, n, awsAccountID)
}

// awsFloor is awsConfig with terraform_data pairs.
func awsFloor(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "staged" {
  count = %[1]d

  triggers_replace = jsonencode({
    component  = "iam-write"
    account_id = %[2]s
  })
}

resource "terraform_data" "installed" {
  count      = %[1]d
  depends_on = [terraform_data.staged]

  triggers_replace = jsonencode({
    component  = "iam-write"
    account_id = %[2]s
    login = {
      type     = "idc"
      identity = { type = "email" }
    }
  })
}
`, n, awsAccountID)
}

// expiryConfig adds n expiry presets of 100 minutes and more, clear of
// P0's defaults.
func expiryConfig(n int) string {
	return providerHeader + fmt.Sprintf(`
resource "p0_expiry_option" "bench" {
  count = %d

  time = 100 + count.index
  unit = "m"
}
`, n)
}

// expiryFloor is expiryConfig with terraform_data.
func expiryFloor(n int) string {
	return fmt.Sprintf(`resource "terraform_data" "bench" {
  count = %d

  triggers_replace = jsonencode({
    time = 100 + count.index
    unit = "m"
  })
}
`, n)
}

// emptyPluginFloor turns a floor configuration into the same resources of
// the empty plugin (tools/bench/emptyplugin): floor_value, whose value is
// the JSON string terraform_data held. What is left between it and
// terraform_data is the plugin protocol's cost.
func emptyPluginFloor(floor string) string {
	const header = `terraform {
  required_providers {
    floor = {
      source = "p0-bench/floor"
    }
  }
}

`
	return header + strings.NewReplacer(
		`resource "terraform_data"`, `resource "floor_value"`,
		"[terraform_data.", "[floor_value.",
		"triggers_replace =", "value =",
	).Replace(floor)
}

// indent shifts every non-empty line of s two spaces to the right.
func indent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i, line := range lines {
		if strings.TrimSpace(line) != "" {
			lines[i] = "  " + line
		}
	}
	return strings.Join(lines, "")
}

// writeWorkspace creates dir holding main.tf with config.
func writeWorkspace(dir, config string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644)
}
