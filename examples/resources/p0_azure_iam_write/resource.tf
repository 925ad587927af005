resource "p0_azure" "this" {
  directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
}

resource "p0_azure_iam_write_staged" "this" {
  subscription_id = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
  depends_on      = [p0_azure.this]
}

resource "p0_azure_iam_write" "this" {
  subscription_id = p0_azure_iam_write_staged.this.subscription_id
}
