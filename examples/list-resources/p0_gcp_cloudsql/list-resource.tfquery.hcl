list "p0_gcp_cloudsql" "all" {
  provider         = p0
  include_resource = true
}
