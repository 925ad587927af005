# The import ID is <component>/<account_id>, or function-caller/<function_arn>.
# Only installed items can be imported.
terraform import p0_aws_component.iam_write iam-write/123456789012
terraform import p0_aws_component.notifier function-caller/arn:aws:lambda:us-east-1:123456789012:function:p0-notifier
