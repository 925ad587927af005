resource "p0_azure" "this" {
  directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
}

resource "p0_azure_bastion_host_staged" "this" {
  subscription_id = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
  depends_on      = [p0_azure.this]
}

resource "p0_azure_bastion_host" "this" {
  subscription_id = p0_azure_bastion_host_staged.this.subscription_id
  azure_bastion = {
    bastion_id              = "/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/resourceGroups/network/providers/Microsoft.Network/bastionHosts/p0-bastion"
    standard_access_role_id = "/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555"
    admin_access_role_id    = "/subscriptions/7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000"
  }
}

# A jump host needs no staged resource.
resource "p0_azure_bastion_host" "jump" {
  subscription_id = "0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"
  jump_host = {
    virtual_machine_id      = "/subscriptions/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f/resourceGroups/network/providers/Microsoft.Compute/virtualMachines/jump"
    standard_access_role_id = "/subscriptions/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f/providers/Microsoft.Authorization/roleDefinitions/11111111-2222-3333-4444-555555555555"
    admin_access_role_id    = "/subscriptions/0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f/providers/Microsoft.Authorization/roleDefinitions/66666666-7777-8888-9999-000000000000"
  }
  depends_on = [p0_azure.this]
}
