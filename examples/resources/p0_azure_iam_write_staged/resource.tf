resource "p0_azure" "this" {
  directory_id = "2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f"
}

# Stage just-in-time access in a subscription; create custom_role and
# assign it to P0's app, then install it with p0_azure_iam_write.
resource "p0_azure_iam_write_staged" "this" {
  subscription_id = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
  depends_on      = [p0_azure.this]
}
