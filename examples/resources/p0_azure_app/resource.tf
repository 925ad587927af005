resource "p0_azure" "this" {
  directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
}

resource "p0_azure_app_staged" "this" {
  depends_on = [p0_azure.this]
}

resource "p0_azure_app" "this" {
  client_id  = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
  depends_on = [p0_azure_app_staged.this]
}
