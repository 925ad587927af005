# What terraform query lists, and -generate-config-out writes configuration
# for: every object of these kinds that the organization holds.

list "p0_routing_rule" "all" {
  provider = p0
}

list "p0_aws_component" "all" {
  provider = p0
}

list "p0_aws_component_staged" "all" {
  provider = p0
}

list "p0_expiry_option" "all" {
  provider = p0
}
