terraform import p0_aws_oidc_identity.this github-actions
