# Let the workloads of GitHub Actions into an AWS account through P0.
resource "p0_aws_oidc_identity_staged" "this" {
  id                = "github-actions"
  account_id        = "123456789012"
  oidc_provider_url = "https://token.actions.githubusercontent.com"
  audience          = "sts.amazonaws.com"
}
