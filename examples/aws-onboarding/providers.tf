# Onboards one AWS account to P0 in a single `terraform apply`: P0 stages
# each component and says which IAM role it needs, the AWS provider creates
# that role, and P0 then verifies and installs the component.
#
# Run it with credentials for the AWS account to onboard, and P0_ORG and
# P0_API_TOKEN in the environment.
terraform {
  required_providers {
    p0 = {
      source  = "p0-security/p0"
      version = "~> 0.1"
    }
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
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
