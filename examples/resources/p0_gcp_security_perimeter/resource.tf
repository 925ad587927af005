resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_security_perimeter_staged" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}

resource "p0_gcp_security_perimeter" "this" {
  project         = p0_gcp_security_perimeter_staged.this.project
  cloud_run_url   = "https://p0-perimeter-abc123-uw.a.run.app"
  allowed_domains = p0_gcp_security_perimeter_staged.this.allowed_domains
  image_digest    = p0_gcp_security_perimeter_staged.this.image_digest
}
