import {
  to = p0_azure_bastion_host_staged.this
  identity = {
    subscription_id = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
  }
}
