list "p0_agentic_gateway_staged" "all" {
  provider         = p0
  include_resource = true
}
