list "p0_aws_oidc_identity_staged" "all" {
  provider         = p0
  include_resource = true
}
