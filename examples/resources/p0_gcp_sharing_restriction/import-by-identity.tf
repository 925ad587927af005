import {
  to = p0_gcp_sharing_restriction.this
  identity = {
    project = "my-project"
  }
}
