list "p0_agentic_server" "all" {
  provider         = p0
  include_resource = true
}
