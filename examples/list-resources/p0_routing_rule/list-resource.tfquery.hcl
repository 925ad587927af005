# Every routing rule of the organization, in evaluation order.
list "p0_routing_rule" "all" {
  provider = p0
}
