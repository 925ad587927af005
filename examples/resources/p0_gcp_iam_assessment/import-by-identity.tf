import {
  to = p0_gcp_iam_assessment.this
  identity = {
    project = "my-project"
  }
}
