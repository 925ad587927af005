# id is the account id, or for function-caller the function's ARN.
import {
  to = p0_aws_component.iam_assessment
  identity = {
    component = "iam-assessment"
    id        = "123456789012"
  }
}
