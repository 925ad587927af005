import {
  to = p0_aws_oidc_identity.this
  identity = {
    id = "github-actions"
  }
}
