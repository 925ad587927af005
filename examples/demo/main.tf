# The offline demo that `make demo` applies against the mock P0 API. The
# provider reads P0_HOST, P0_ORG and P0_API_TOKEN from the environment.
#
# The routing rules, expiry options and JIT settings are the resource
# examples themselves (routing_rules.tf, expiry_options.tf and
# jit_settings.tf link to them), so that the demo applies what the docs
# show.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

provider "p0" {}

# The AWS onboarding flow of examples/aws-onboarding, offline: P0 stages
# each component, terraform_data stands in for the aws_iam_role and
# aws_iam_role_policy built from the staged metadata, then P0 verifies and
# installs the component.
locals {
  aws_account_id = "123456789012"
  aws_components = toset(["iam-write", "iam-assessment"])
}

resource "p0_aws_component_staged" "this" {
  for_each   = local.aws_components
  component  = each.key
  account_id = local.aws_account_id
}

resource "terraform_data" "aws_role" {
  for_each = p0_aws_component_staged.this
  input = {
    name               = each.value.role_name
    assume_role_policy = each.value.trust_policy
    policy_name        = each.value.inline_policy_name
    policy             = each.value.inline_policy
  }
}

resource "p0_aws_component" "iam_write" {
  component  = p0_aws_component_staged.this["iam-write"].component
  account_id = p0_aws_component_staged.this["iam-write"].account_id
  label      = "Production"

  login = {
    type = "idc"
    identity = {
      type = "email"
    }
  }

  depends_on = [terraform_data.aws_role]
}

resource "p0_aws_component" "iam_assessment" {
  component           = p0_aws_component_staged.this["iam-assessment"].component
  account_id          = p0_aws_component_staged.this["iam-assessment"].account_id
  access_analyzer_arn = "arn:aws:access-analyzer:us-east-1:${local.aws_account_id}:analyzer/p0"

  depends_on = [terraform_data.aws_role]
}

data "p0_aws_integration" "current" {
  depends_on = [p0_aws_component.iam_write, p0_aws_component.iam_assessment]
}

output "aws_components" {
  value = {
    for component, items in data.p0_aws_integration.current.components :
    component => { for id, item in items : id => item.state }
    if length(items) > 0
  }
}

data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_rule.example, p0_routing_rule.default]
}

output "routing_rules" {
  value = [for r in data.p0_routing_workflow.current.rules : r.name]
}

output "max_access_duration" {
  value = p0_jit_settings.this.max_access_duration.value
}

# A pipeline's just-in-time access request. It is submitted on every plan and
# apply and never stored in the plan or the state.
ephemeral "p0_access_request" "pipeline" {
  argv   = ["request", "aws", "permission-set", "Deployer", "--account", "demo"]
  reason = "make demo"
}
