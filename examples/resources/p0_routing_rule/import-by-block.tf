import {
  to = p0_routing_rule.example
  id = "AWS non-production"
}
