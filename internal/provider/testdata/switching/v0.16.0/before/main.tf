# p0_routing_rule at P0's schema version 0.
resource "p0_routing_rule" "alice" {
  name      = "Alice"
  requestor = { type = "user", uid = "alice@example.com" }
  resource  = { type = "integration", service = "aws" }
  approval  = [{ type = "p0", options = { require_reason = true } }]
}

resource "p0_routing_rule" "everyone" {
  name      = "Everyone"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "requestor-profile", directory = "okta", profile_property = "manager" }]
}

resource "p0_routing_rule" "engineering" {
  name      = "Engineering"
  requestor = { type = "group", directory = "okta", id = "00g1", label = "Engineering" }
  resource  = { type = "any" }
  approval  = [{ type = "group", directory = "okta", id = "00g2", label = "Operations" }]
}
