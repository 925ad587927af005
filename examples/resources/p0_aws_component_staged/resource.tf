# Stage the iam-write component for one AWS account. P0 answers with the IAM
# role it needs there; create that role from these attributes (the
# onboarding walkthrough on the provider's page shows how), then install the
# component with p0_aws_component.
resource "p0_aws_component_staged" "iam_write" {
  component  = "iam-write"
  account_id = "123456789012"
}

# function-caller is identified by the Lambda function P0 may invoke.
resource "p0_aws_component_staged" "notifier" {
  component    = "function-caller"
  function_arn = "arn:aws:lambda:us-east-1:123456789012:function:p0-notifier"
}

output "iam_write_role_name" {
  value = p0_aws_component_staged.iam_write.role_name
}
