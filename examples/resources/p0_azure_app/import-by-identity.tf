import {
  to = p0_azure_app.this
  identity = {
    org = "my-org"
  }
}
