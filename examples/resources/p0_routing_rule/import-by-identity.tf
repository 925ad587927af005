import {
  to       = p0_routing_rule.default
  identity = { name = "Default approval" }
}
