# The organization's whole routing, in the order P0 evaluates it. A rule
# added in P0 by hand shows up in the next plan, and the apply removes it.
resource "p0_routing_workflow" "this" {
  # Production access needs a P0 approver and a reason.
  rule {
    name      = "Production"
    requestor = { type = "group", uid = "engineering@example.com" }
    resource = {
      type    = "integration"
      service = "aws"
      filters = {
        account = { effect = "keep", key = "account", pattern = "production-.*" }
      }
    }
    approval = [{ type = "p0", options = { require_reason = true } }]
  }

  # Anything else is approved automatically.
  rule {
    name      = "Everything else"
    requestor = { type = "any" }
    resource  = { type = "any" }
    approval  = [{ type = "auto" }]
  }
}
