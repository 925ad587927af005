list "p0_gcp_access_logs" "all" {
  provider         = p0
  include_resource = true
}
