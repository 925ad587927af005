import {
  to = p0_gcp_iam_assessment_staged.this
  identity = {
    project = "my-project"
  }
}
