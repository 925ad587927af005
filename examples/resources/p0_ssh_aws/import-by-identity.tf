import {
  to = p0_ssh_aws.this
  identity = {
    account_id = "123456789012"
  }
}
