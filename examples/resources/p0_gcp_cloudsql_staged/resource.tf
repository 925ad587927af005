# Stage a Cloud SQL connector in a VPC network; deploy its service, then
# install it with p0_gcp_cloudsql.
resource "p0_gcp_cloudsql_staged" "this" {
  id         = "prod-network"
  project_id = "my-project"
  subnetwork = "default"
}

output "connector_service_account" {
  value = p0_gcp_cloudsql_staged.this.connector_service_account
}
