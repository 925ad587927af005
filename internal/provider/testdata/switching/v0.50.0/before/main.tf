# p0_routing_rule at P0's schema version 2, the last release before
# p0_access_policy; the AWS components and the access durations.
resource "p0_routing_rule" "oncall" {
  name     = "On call"
  disabled = false
  requestor = {
    type   = "group"
    effect = "keep"
    groups = [{ directory = "okta", id = "00g1", label = "On call" }]
  }
  resource = { type = "integration", service = "aws", access_type = "all" }
  approval = [{ type = "p0", options = { require_reason = true, break_glass_approver = true } }]
}

resource "p0_aws_iam_write_staged" "prod" {
  id = "123456789012"
}

resource "p0_aws_iam_write" "prod" {
  id    = p0_aws_iam_write_staged.prod.id
  label = "Production"
  login = {
    type     = "iam"
    identity = { type = "tag", tag_name = "p0-user" }
  }
}

resource "p0_aws_inventory_staged" "prod" {
  id = "123456789012"
}

resource "p0_aws_inventory" "prod" {
  id = p0_aws_inventory_staged.prod.id
}

resource "p0_access_durations" "this" {
  approvable      = { time = 2, unit = "h" }
  max_access      = { time = 1, unit = "w" }
  standing_access = { time = 4, unit = "h" }
}
