# Every type this provider names otherwise is taken over by a moved block:
# the first plan moves the objects in the state and changes nothing in P0.
# The moved blocks can be removed once an apply has recorded the moves.

moved {
  from = p0_access_policy.oncall
  to   = p0_routing_rule.oncall
}

moved {
  from = p0_access_policy.agents
  to   = p0_routing_rule.agents
}

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
  name = "On-call engineers"
  requestor = {
    type   = "group"
    effect = "keep"
    groups = [{ directory = "okta", id = "00g1", label = "On call" }]
  }
  resource = {
    type    = "integration"
    service = "aws"
  }
  approval = [{
    type    = "p0"
    options = { require_reason = true }
  }]
}

resource "p0_routing_rule" "agents" {
  name = "CI agents"
  requestor = {
    type  = "agentic"
    agent = { type = "provider", provider_id = "github-actions", subject_pattern = "repo:example/*" }
    user  = { type = "any" }
  }
  resource = { type = "any" }
  approval = [{ type = "auto", integration = "pagerduty" }]
}

# p0_routing_rule is this provider's name too: its state reads as it is.
resource "p0_routing_rule" "legacy" {
  name      = "Everyone else"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "p0" }]
}

resource "p0_aws_component_staged" "iam_write" {
  component  = "iam-write"
  account_id = "123456789012"
}

# The login's parent (the Identity Center account) stays as P0 holds it.
resource "p0_aws_component" "iam_write" {
  component  = "iam-write"
  account_id = p0_aws_component_staged.iam_write.account_id
  login = {
    type     = "idc"
    identity = { type = "email" }
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
  approvable_duration      = { time = 1, unit = "d" }
  max_access_duration      = { time = 30, unit = "d" }
  standing_access_duration = { time = 1, unit = "h" }
}
