resource "p0_aws_midc_staged" "this" {
  id         = "123456789012"
  idc_region = "us-east-1"
}

# Once the role exists, install the integration: P0 verifies the role,
# waiting while IAM propagates it.
resource "p0_aws_midc" "this" {
  id         = p0_aws_midc_staged.this.id
  idc_region = p0_aws_midc_staged.this.idc_region
  identity   = "email"
}
