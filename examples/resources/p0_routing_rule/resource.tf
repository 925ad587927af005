# Engineers may request any AWS resource except production accounts. Their
# on-call team approves through PagerDuty, and every request needs a reason.
resource "p0_routing_rule" "example" {
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

# Anyone may request anything, but a P0 approver must agree, and nobody may
# approve their own request.
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
