# p0_access_policy, and its deprecated alias p0_routing_rule, at P0's
# schema version 2.
resource "p0_access_policy" "oncall" {
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
