# The current routing workflow, with every rule in evaluation order,
# including rules created in the P0 app or by other configurations.
data "p0_routing_workflow" "current" {}

output "routing_rule_names" {
  value = [for rule in data.p0_routing_workflow.current.rules : rule.name]
}

# One saved version of the workflow, by its id.
data "p0_routing_workflow" "pinned" {
  id = data.p0_routing_workflow.current.id
}
