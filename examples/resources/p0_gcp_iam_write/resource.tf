resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_iam_write_staged" "this" {
  project    = "my-project"
  depends_on = [p0_gcp.this]
}

resource "p0_gcp_iam_write" "this" {
  project = p0_gcp_iam_write_staged.this.project
}
