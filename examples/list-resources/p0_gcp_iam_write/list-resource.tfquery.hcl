list "p0_gcp_iam_write" "all" {
  provider         = p0
  include_resource = true
}
