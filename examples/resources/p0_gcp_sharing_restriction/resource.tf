resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_sharing_restriction" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}
