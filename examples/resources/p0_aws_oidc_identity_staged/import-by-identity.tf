import {
  to = p0_aws_oidc_identity_staged.this
  identity = {
    id = "github-actions"
  }
}
