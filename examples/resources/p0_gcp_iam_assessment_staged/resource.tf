resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

# Stage IAM assessment in a project; grant P0's service account the custom role
# built from these permissions, then install it with p0_gcp_iam_assessment.
resource "p0_gcp_iam_assessment_staged" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}

output "permissions" {
  value = p0_gcp_iam_assessment_staged.this.permissions
}
