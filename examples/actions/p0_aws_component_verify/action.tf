# Have P0 verify the iam-write item again whenever the role it uses changes,
# so that a broken role fails the apply that broke it.
action "p0_aws_component_verify" "iam_write" {
  config {
    component  = "iam-write"
    account_id = "123456789012"
    # AWS may take a while to make the changed role usable; P0 refuses the
    # verification until then, and the action tries again for this long.
    timeout = "5m"
  }
}

resource "terraform_data" "p0_role" {
  # For example the role's policy: input = aws_iam_role_policy.p0.policy
  input = "P0RoleIamWrite policy v2"

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.p0_aws_component_verify.iam_write]
    }
  }
}
