import {
  to = p0_gcp_organization_access_logs.this
  identity = {
    org = "my-org"
  }
}
