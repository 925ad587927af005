import {
  to = p0_gcp_access_logs.this
  identity = {
    project = "my-project"
  }
}
