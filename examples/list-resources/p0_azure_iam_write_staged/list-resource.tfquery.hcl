list "p0_azure_iam_write_staged" "all" {
  provider         = p0
  include_resource = true
}
