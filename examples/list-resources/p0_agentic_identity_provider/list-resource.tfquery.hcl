list "p0_agentic_identity_provider" "all" {
  provider         = p0
  include_resource = true
}
