terraform import p0_routing_workflow.this "my-org"
