# The import ID is <component>/<account_id>, or function-caller/<function_arn>.
# Only installed items can be imported.
import {
  to = p0_aws_component.iam_write
  id = "iam-write/123456789012"
}

import {
  to = p0_aws_component.notifier
  id = "function-caller/arn:aws:lambda:us-east-1:123456789012:function:p0-notifier"
}
