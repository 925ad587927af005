# The org must be the provider's organization. The import reads every rule;
# rules not in the configuration are removed by the apply that follows.
import {
  to       = p0_routing_workflow.adopted
  identity = { org = "my-org" }
}

resource "p0_routing_workflow" "adopted" {
  rules = [{
    name      = "Default approval"
    requestor = { type = "any" }
    resource  = { type = "any" }
    approval  = [{ type = "p0" }]
  }]
}
