# A configuration of P0's own provider (p0-security/terraform-provider-p0
# v0.53.0), as a team that manages P0 with it writes one. ../after is the
# same after the switch to this provider: its types, and a moved block for
# every type this provider names otherwise.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

variable "p0_org" {
  type = string
}

variable "p0_host" {
  type    = string
  default = "https://api.p0.app"
}

# P0_API_TOKEN comes from the environment.
provider "p0" {
  org  = var.p0_org
  host = var.p0_host
}

resource "p0_access_policy" "oncall" {
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

resource "p0_access_policy" "agents" {
  name = "CI agents"
  requestor = {
    type  = "agentic"
    agent = { type = "provider", provider_id = "github-actions", subject_pattern = "repo:example/*" }
    user  = { type = "any" }
  }
  resource = { type = "any" }
  approval = [{ type = "auto", integration = "pagerduty" }]
}

# The deprecated name of p0_access_policy, which this provider serves too.
resource "p0_routing_rule" "legacy" {
  name      = "Everyone else"
  requestor = { type = "any" }
  resource  = { type = "any" }
  approval  = [{ type = "p0" }]
}

resource "p0_aws_iam_write_staged" "prod" {
  id = "123456789012"
}

resource "p0_aws_iam_write" "prod" {
  id = p0_aws_iam_write_staged.prod.id
  login = {
    type     = "idc"
    parent   = "210987654321"
    identity = { type = "email" }
  }
}

resource "p0_aws_inventory_staged" "prod" {
  id = "123456789012"
}

resource "p0_aws_inventory" "prod" {
  id = p0_aws_inventory_staged.prod.id
}

resource "p0_access_durations" "this" {
  approvable      = { time = 1, unit = "d" }
  max_access      = { time = 30, unit = "d" }
  standing_access = { time = 1, unit = "h" }
}
