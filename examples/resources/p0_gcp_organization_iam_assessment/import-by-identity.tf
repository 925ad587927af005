import {
  to = p0_gcp_organization_iam_assessment.this
  identity = {
    org = "my-org"
  }
}
