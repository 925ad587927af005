# Every item of every component of the AWS integration, including those
# managed elsewhere and the base items P0 creates itself.
data "p0_aws_integration" "current" {}

# Accounts where just-in-time access is installed.
output "iam_write_accounts" {
  value = [
    for account, item in data.p0_aws_integration.current.components["iam-write"] : account
    if item.state == "installed"
  ]
}
