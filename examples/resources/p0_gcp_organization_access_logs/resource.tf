resource "p0_gcp" "this" {
  organization_id = "123456789012"
}

resource "p0_gcp_organization_access_logs" "this" {
  topic_project_id = "my-project"
  depends_on       = [p0_gcp.this]
}
