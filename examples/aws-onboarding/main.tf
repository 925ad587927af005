# Onboards one AWS account to P0 in a single `terraform apply`: P0 stages
# each component and says which IAM role it needs, the AWS provider creates
# that role, and P0 then verifies and installs the component.
#
# Run it with credentials for the AWS account to onboard, and P0_ORG and
# P0_API_TOKEN in the environment.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "p0" {}

provider "aws" {
  region = var.region
}

variable "region" {
  type        = string
  description = "AWS region for the IAM Access Analyzer (IAM itself is global)."
  default     = "us-east-1"
}

data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  components = toset(["iam-write", "iam-assessment"])
}

# 1. Stage: P0 generates the role each component needs in this account.
resource "p0_aws_component_staged" "this" {
  for_each   = local.components
  component  = each.key
  account_id = local.account_id
}

# 2. Create the roles exactly as P0 described them.
resource "aws_iam_role" "p0" {
  for_each           = p0_aws_component_staged.this
  name               = each.value.role_name
  assume_role_policy = each.value.trust_policy
}

resource "aws_iam_role_policy" "p0" {
  for_each = p0_aws_component_staged.this
  name     = each.value.inline_policy_name
  role     = aws_iam_role.p0[each.key].id
  policy   = each.value.inline_policy
}

resource "aws_accessanalyzer_analyzer" "p0" {
  analyzer_name = "p0"
}

# 3. Install: P0 verifies the roles by using them, so the components depend
# on the role policies. IAM takes a few seconds to propagate new roles; if
# verification fails right after they were created, apply again: the
# installation resumes where it stopped.
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

  depends_on = [aws_iam_role_policy.p0]
}

resource "p0_aws_component" "iam_assessment" {
  component           = p0_aws_component_staged.this["iam-assessment"].component
  account_id          = p0_aws_component_staged.this["iam-assessment"].account_id
  access_analyzer_arn = aws_accessanalyzer_analyzer.p0.arn

  depends_on = [aws_iam_role_policy.p0]
}
