# Every item of the AWS integration that is staged and not installed yet.
# include_resource adds each item's IAM role metadata, read one item at a
# time.
list "p0_aws_component_staged" "all" {
  provider         = p0
  include_resource = true
}
