# Install the Google Cloud integration for an organization. P0 answers with
# its service account and the roles to grant it.
resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

output "service_account_email" {
  value = p0_gcp.this.service_account_email
}
