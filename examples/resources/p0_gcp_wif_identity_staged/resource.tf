# Let the workloads of GitHub Actions into a project through P0.
resource "p0_gcp_wif_identity_staged" "this" {
  id                = "github-actions"
  project_id        = "my-project"
  oidc_provider_url = "https://token.actions.githubusercontent.com"
}

output "audience" {
  value = p0_gcp_wif_identity_staged.this.audience
}
