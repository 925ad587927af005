# SSH access to the instances of an AWS account, grouped by their Team tag.
resource "p0_ssh_aws" "this" {
  account_id      = "123456789012"
  group_key       = "Team"
  is_sudo_enabled = true
}
