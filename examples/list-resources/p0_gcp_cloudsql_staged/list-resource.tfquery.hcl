list "p0_gcp_cloudsql_staged" "all" {
  provider         = p0
  include_resource = true
}
