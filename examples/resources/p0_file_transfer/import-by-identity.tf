import {
  to = p0_file_transfer.this
  identity = {
    account_id = "123456789012"
  }
}
