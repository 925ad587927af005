# The organization's whole routing, in the order P0 evaluates it. A rule
# added in P0 by hand shows up in the next plan, and the apply removes it.
variable "teams" {
  description = "Teams whose members may request production access, approved by their on-call group."
  type = map(object({
    group    = string
    approver = string
  }))
  default = {
    payments = { group = "00g-payments", approver = "00g-payments-oncall" }
  }
}

resource "p0_routing_workflow" "this" {
  rules = concat(
    # Each team reaches production through its own on-call approvers.
    [for name, team in var.teams : {
      name      = "Production: ${name}"
      requestor = { type = "group", effect = "keep", groups = [{ directory = "okta", id = team.group }] }
      resource  = { type = "integration", service = "aws", access_type = "all" }
      approval = [{
        type    = "group"
        effect  = "keep"
        groups  = [{ directory = "okta", id = team.approver }]
        options = { require_reason = true, require_duration = true }
      }]
    }],
    [
      # Other production access needs a P0 approver and a reason.
      {
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
      },
      # Anything else is approved automatically.
      {
        name      = "Everything else"
        requestor = { type = "any" }
        resource  = { type = "any" }
        approval  = [{ type = "auto" }]
      },
    ],
  )
}
