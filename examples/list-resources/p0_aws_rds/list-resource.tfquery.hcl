list "p0_aws_rds" "all" {
  provider         = p0
  include_resource = true
}
