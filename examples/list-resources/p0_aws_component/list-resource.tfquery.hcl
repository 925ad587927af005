# Every installed item of the AWS integration.
list "p0_aws_component" "all" {
  provider = p0
}

# Only the accounts where P0 may grant access, with their settings.
list "p0_aws_component" "iam_write" {
  provider         = p0
  include_resource = true

  config {
    component = "iam-write"
  }
}
