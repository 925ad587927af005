resource "p0_ssh_gcp" "this" {
  project_id = "my-project"
}
