import {
  to = p0_azure_jump_host.this
  identity = {
    org = "my-org"
  }
}
