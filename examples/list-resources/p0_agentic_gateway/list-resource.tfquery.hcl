list "p0_agentic_gateway" "all" {
  provider         = p0
  include_resource = true
}
