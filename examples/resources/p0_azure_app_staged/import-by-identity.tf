import {
  to = p0_azure_app_staged.this
  identity = {
    org = "my-org"
  }
}
