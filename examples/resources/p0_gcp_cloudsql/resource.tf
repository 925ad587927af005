resource "p0_gcp_cloudsql_staged" "this" {
  id         = "prod-network"
  project_id = "my-project"
  subnetwork = "default"
}

resource "p0_gcp_cloudsql" "this" {
  id         = p0_gcp_cloudsql_staged.this.id
  project_id = p0_gcp_cloudsql_staged.this.project_id
  subnetwork = p0_gcp_cloudsql_staged.this.subnetwork
}
