# Stage IAM Identity Center for the account that holds its instance. P0
# answers with the IAM role it needs there: create it from role.*, then
# install the integration with p0_aws_midc.
resource "p0_aws_midc_staged" "this" {
  id         = "123456789012"
  idc_region = "us-east-1"
}

output "role_name" {
  value = p0_aws_midc_staged.this.role.name
}
