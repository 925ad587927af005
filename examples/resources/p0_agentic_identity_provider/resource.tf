# Admit the agents of GitHub Actions workflows of one organization.
resource "p0_agentic_identity_provider" "this" {
  id              = "github-actions"
  issuer          = "https://token.actions.githubusercontent.com"
  subject_pattern = "repo:my-org/*"
}
