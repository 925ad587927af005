resource "p0_gcp_wif_identity_staged" "this" {
  id                = "github-actions"
  project_id        = "my-project"
  oidc_provider_url = "https://token.actions.githubusercontent.com"
}

resource "p0_gcp_wif_identity" "this" {
  id                = p0_gcp_wif_identity_staged.this.id
  project_id        = p0_gcp_wif_identity_staged.this.project_id
  oidc_provider_url = p0_gcp_wif_identity_staged.this.oidc_provider_url
}
