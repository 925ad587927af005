# Each component takes its own settings. The AWS side (the IAM role that
# p0_aws_component_staged describes) must exist before P0 can verify the
# component; the onboarding walkthrough on the provider's page shows the
# whole flow in one apply.

# Just-in-time access: users sign in through IAM Identity Center and are
# matched to AWS identities by the value of an IAM tag.
resource "p0_aws_component" "iam_write" {
  component  = "iam-write"
  account_id = "123456789012"
  label      = "Production"

  login = {
    type = "idc"
    identity = {
      type     = "tag"
      tag_name = "p0-user"
    }
  }

  timeouts {
    create = "15m"
  }
}

# Least-privilege assessment through the account's IAM Access Analyzer.
resource "p0_aws_component" "iam_assessment" {
  component           = "iam-assessment"
  account_id          = "123456789012"
  access_analyzer_arn = "arn:aws:access-analyzer:us-east-1:123456789012:analyzer/p0"
}

# Audit logs from a CloudTrail Lake event data store.
resource "p0_aws_component" "access_logs" {
  component      = "access-logs"
  account_id     = "123456789012"
  cloud_lake_arn = "arn:aws:cloudtrail:us-east-1:123456789012:eventdatastore/0c4ac9d4-7a34-4d39-9dd6-1b4f0d4e5b8a"
}

# Resource inventory needs no settings.
resource "p0_aws_component" "inventory" {
  component  = "inventory"
  account_id = "123456789012"
}

# function-caller is identified by the Lambda function P0 may invoke.
resource "p0_aws_component" "notifier" {
  component    = "function-caller"
  function_arn = "arn:aws:lambda:us-east-1:123456789012:function:p0-notifier"
  label        = "Request notifications"
}
