# Moving from p0_routing_rule to p0_routing_workflow, in one apply: stop
# managing the rules one by one without deleting them in P0 (removed blocks,
# Terraform 1.7 or later), and take the whole workflow over (an import
# block). The plan then shows the workflow as P0 holds it against the rules
# below, in the order they are written.
removed {
  from = p0_routing_rule.production

  lifecycle {
    destroy = false
  }
}

removed {
  from = p0_routing_rule.default

  lifecycle {
    destroy = false
  }
}

import {
  to = p0_routing_workflow.this
  id = "my-org"
}

resource "p0_routing_workflow" "this" {
  rules = [
    {
      name      = "Production"
      requestor = { type = "group", uid = "engineering@example.com" }
      resource  = { type = "integration", service = "aws" }
      approval  = [{ type = "p0", options = { require_reason = true } }]
    },
    {
      name      = "Default approval"
      requestor = { type = "any" }
      resource  = { type = "any" }
      approval  = [{ type = "p0" }]
    },
  ]
}
