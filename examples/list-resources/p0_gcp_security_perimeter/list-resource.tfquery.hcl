list "p0_gcp_security_perimeter" "all" {
  provider         = p0
  include_resource = true
}
