import {
  to = p0_gcp_iam_write_staged.this
  identity = {
    project = "my-project"
  }
}
