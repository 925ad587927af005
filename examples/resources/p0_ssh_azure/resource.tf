# The bastion and the roles P0 grants are p0_azure_bastion_host's.
resource "p0_ssh_azure" "this" {
  subscription_id = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
  group_key       = "team"
}
