import {
  to = p0_azure.this
  identity = {
    directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
  }
}
