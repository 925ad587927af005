resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

# Stage the security perimeter of a project; deploy its Cloud Run service
# with image_digest and the roles below, then install it.
resource "p0_gcp_security_perimeter_staged" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}

output "image_digest" {
  value = p0_gcp_security_perimeter_staged.this.image_digest
}
