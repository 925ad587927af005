list "p0_azure_iam_write" "all" {
  provider         = p0
  include_resource = true
}
