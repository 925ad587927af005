# p0_routing_rule at P0's schema version 1: groups listed.
resource "p0_routing_rule" "oncall" {
  name      = "On call"
  requestor = { type = "group", groups = [{ directory = "okta", id = "00g1", label = "On call" }] }
  resource  = { type = "integration", service = "ssh" }
  approval  = [{ type = "group", groups = [{ directory = "okta", id = "00g2", label = "Leads" }] }]
}
