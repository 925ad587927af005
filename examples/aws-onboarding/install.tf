# 4. Install: P0 verifies each role by using it, so the components depend
# on the role policies. A role created moments ago may not be usable yet;
# the provider waits for AWS, up to 2 minutes (a timeouts block with create
# waits longer).
resource "p0_aws_component" "iam_write" {
  component  = "iam-write"
  account_id = local.account_id
  label      = "Production"

  login = {
    type = "idc"
    identity = {
      type = "email"
    }
  }

  depends_on = [aws_iam_role_policy.p0]
}

resource "p0_aws_component" "iam_assessment" {
  component           = "iam-assessment"
  account_id          = local.account_id
  access_analyzer_arn = aws_accessanalyzer_analyzer.p0.arn

  depends_on = [aws_iam_role_policy.p0]
}

# Resource inventory needs no role: this stages and installs it alone.
resource "p0_aws_component" "inventory" {
  component  = "inventory"
  account_id = local.account_id
}
