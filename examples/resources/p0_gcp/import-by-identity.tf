import {
  to = p0_gcp.this
  identity = {
    organization_id = "123456789012"
  }
}
