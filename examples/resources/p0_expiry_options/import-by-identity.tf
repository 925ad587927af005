import {
  to = p0_expiry_options.this
  identity = {
    org = "my-org"
  }
}
