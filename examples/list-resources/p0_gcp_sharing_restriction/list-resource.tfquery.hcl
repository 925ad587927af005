list "p0_gcp_sharing_restriction" "all" {
  provider         = p0
  include_resource = true
}
