list "p0_gcp_iam_assessment" "all" {
  provider         = p0
  include_resource = true
}
