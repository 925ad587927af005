# The offline demo that `make demo` applies against the mock P0 API. The
# provider reads P0_HOST, P0_ORG and P0_API_TOKEN from the environment.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

provider "p0" {}

# Engineers may request any AWS resource except production, approved by
# their on-call team through PagerDuty.
resource "p0_routing_rule" "aws_non_production" {
  name = "AWS non-production"

  requestor = {
    type = "group"
    uid  = "engineering@example.com"
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
      services    = ["on-call-engineering"]
      options = {
        require_reason = true
        duration       = 60
      }
    },
  ]
}

# Anyone may request anything, but a P0 approver must agree.
resource "p0_routing_rule" "default" {
  name = "Default approval"

  requestor = { type = "any" }
  resource  = { type = "any" }

  approval = [
    {
      type = "p0"
      options = {
        allow_one_party = false
      }
    },
  ]
}

data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_rule.aws_non_production, p0_routing_rule.default]
}

output "routing_rules" {
  value = [for r in data.p0_routing_workflow.current.rules : r.name]
}

# Expiry presets requestors can pick besides P0's five defaults.
resource "p0_expiry_option" "two_hours" {
  time = 2
  unit = "h"
}

resource "p0_expiry_option" "four_hours" {
  time = 4
  unit = "h"
}

# The organization's JIT settings: a second approver and a reason for every
# request, one hour of standing access, at most a week on request.
resource "p0_jit_settings" "this" {
  allow_one_party = false
  require_reason  = true

  standing_access_duration = {
    time = 1
    unit = "h"
  }
  max_access_duration = {
    time = 7
    unit = "d"
  }
}

output "custom_expiry_options" {
  value = [p0_expiry_option.two_hours.value, p0_expiry_option.four_hours.value]
}

output "max_access_duration" {
  value = p0_jit_settings.this.max_access_duration.value
}
