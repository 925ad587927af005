import {
  to = p0_gcp_iam_write.this
  identity = {
    project = "my-project"
  }
}
