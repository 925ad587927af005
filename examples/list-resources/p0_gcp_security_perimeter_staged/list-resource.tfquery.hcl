list "p0_gcp_security_perimeter_staged" "all" {
  provider         = p0
  include_resource = true
}
