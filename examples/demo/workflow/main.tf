# The second part of `make demo`: p0_routing_workflow owns the
# organization's whole routing, so it cannot be applied beside the
# p0_routing_rule resources of examples/demo; the demo applies it on its own
# once those are destroyed. workflow.tf links to the resource's example.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

provider "p0" {}

output "routing_workflow_rules" {
  value = join(", ", [for rule in p0_routing_workflow.this.rules : rule.name])
}
