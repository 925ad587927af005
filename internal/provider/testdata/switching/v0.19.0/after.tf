# p0_routing_rule at P0's schema version 1; p0_aws_iam_write and its staged
# form from before P0's provider added partition (0.22.0).
resource "p0_routing_rule" "oncall" {
  name      = "On call"
  requestor = { type = "group", groups = [{ directory = "okta", id = "00g1", label = "On call" }] }
  resource  = { type = "integration", service = "ssh" }
  approval  = [{ type = "group", groups = [{ directory = "okta", id = "00g2", label = "Leads" }] }]
}

moved {
  from = p0_aws_iam_write_staged.prod
  to   = p0_aws_component_staged.iam_write
}

moved {
  from = p0_aws_iam_write.prod
  to   = p0_aws_component.iam_write
}

resource "p0_aws_component_staged" "iam_write" {
  component  = "iam-write"
  account_id = "123456789012"
}

resource "p0_aws_component" "iam_write" {
  component  = "iam-write"
  account_id = p0_aws_component_staged.iam_write.account_id
  label      = "Production"
  login = {
    type     = "iam"
    identity = { type = "tag", tag_name = "p0-user" }
  }
}
