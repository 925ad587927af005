list "p0_aws_oidc_identity" "all" {
  provider         = p0
  include_resource = true
}
