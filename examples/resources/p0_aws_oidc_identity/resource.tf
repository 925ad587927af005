resource "p0_aws_oidc_identity_staged" "this" {
  id                = "github-actions"
  account_id        = "123456789012"
  oidc_provider_url = "https://token.actions.githubusercontent.com"
  audience          = "sts.amazonaws.com"
}

resource "p0_aws_oidc_identity" "this" {
  id                = p0_aws_oidc_identity_staged.this.id
  account_id        = p0_aws_oidc_identity_staged.this.account_id
  oidc_provider_url = p0_aws_oidc_identity_staged.this.oidc_provider_url
  audience          = p0_aws_oidc_identity_staged.this.audience
}
