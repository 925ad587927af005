resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_iam_assessment_staged" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}

resource "p0_gcp_iam_assessment" "this" {
  project = p0_gcp_iam_assessment_staged.this.project
}
