resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_organization_iam_assessment" "this" {
  depends_on = [p0_gcp.this]
}
