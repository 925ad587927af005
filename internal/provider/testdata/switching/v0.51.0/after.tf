moved {
  from = p0_access_policy.oncall
  to   = p0_routing_rule.oncall
}

resource "p0_routing_rule" "oncall" {
  name = "On call"
  requestor = {
    type   = "group"
    effect = "keep"
    groups = [{ directory = "okta", id = "00g1", label = "On call" }]
  }
  resource = { type = "integration", service = "aws" }
  approval = [{ type = "p0" }]
}

resource "p0_routing_rule" "everyone" {
  name      = "Everyone"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "p0", options = { require_reason = true } }]
}
