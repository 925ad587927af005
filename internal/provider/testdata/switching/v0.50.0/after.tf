moved {
  from = p0_aws_iam_write_staged.prod
  to   = p0_aws_component_staged.iam_write
}

moved {
  from = p0_aws_iam_write.prod
  to   = p0_aws_component.iam_write
}

moved {
  from = p0_aws_inventory_staged.prod
  to   = p0_aws_component_staged.inventory
}

moved {
  from = p0_aws_inventory.prod
  to   = p0_aws_component.inventory
}

moved {
  from = p0_access_durations.this
  to   = p0_jit_settings.this
}

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

resource "p0_aws_component_staged" "inventory" {
  component  = "inventory"
  account_id = "123456789012"
}

resource "p0_aws_component" "inventory" {
  component  = "inventory"
  account_id = p0_aws_component_staged.inventory.account_id
}

resource "p0_jit_settings" "this" {
  approvable_duration      = { time = 2, unit = "h" }
  max_access_duration      = { time = 1, unit = "w" }
  standing_access_duration = { time = 4, unit = "h" }
}
