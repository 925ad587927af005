resource "p0_azure" "this" {
  directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
}

# Stage the app registration P0 acts as: register it with this name and
# credential, then install it with p0_azure_app.
resource "p0_azure_app_staged" "this" {
  depends_on = [p0_azure.this]
}

output "credential_issuer" {
  value = p0_azure_app_staged.this.credential_info.issuer
}
