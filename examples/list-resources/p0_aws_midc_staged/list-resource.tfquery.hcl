list "p0_aws_midc_staged" "all" {
  provider         = p0
  include_resource = true
}
