import {
  to = p0_routing_workflow.this
  id = "my-org"
}
