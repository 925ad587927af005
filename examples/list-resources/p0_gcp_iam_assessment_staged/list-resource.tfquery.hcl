list "p0_gcp_iam_assessment_staged" "all" {
  provider         = p0
  include_resource = true
}
