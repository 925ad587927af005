# The import ID is <component>/<account_id>, or function-caller/<function_arn>.
import {
  to = p0_aws_component_staged.iam_write
  id = "iam-write/123456789012"
}

import {
  to = p0_aws_component_staged.notifier
  id = "function-caller/arn:aws:lambda:us-east-1:123456789012:function:p0-notifier"
}
