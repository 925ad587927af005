# 2. The account and the components it gets.
locals {
  account_id = data.aws_caller_identity.current.account_id

  # The components that need an IAM role in the account: iam-write,
  # iam-assessment and function-caller do. access-logs and inventory come
  # with no role metadata; p0_aws_component stages and installs them alone.
  role_components = toset(["iam-write", "iam-assessment"])
}

# Stage: P0 generates the role each component needs in this account.
resource "p0_aws_component_staged" "this" {
  for_each   = local.role_components
  component  = each.key
  account_id = local.account_id
}
