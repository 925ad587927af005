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

# P0's provider 0.15 and 0.16 named a group by directory, id and label. P0
# keeps them as it holds them, and every write sends them back.
resource "p0_routing_rule" "engineering" {
  name      = "Engineering"
  requestor = { type = "group" }
  resource  = { type = "any" }
  approval  = [{ type = "group", directory = "okta" }]
}
