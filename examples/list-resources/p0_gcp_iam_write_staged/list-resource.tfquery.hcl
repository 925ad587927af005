list "p0_gcp_iam_write_staged" "all" {
  provider         = p0
  include_resource = true
}
