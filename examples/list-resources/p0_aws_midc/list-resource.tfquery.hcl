list "p0_aws_midc" "all" {
  provider         = p0
  include_resource = true
}
