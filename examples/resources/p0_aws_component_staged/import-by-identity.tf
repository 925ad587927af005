# id is the account id, or for function-caller the function's ARN.
import {
  to = p0_aws_component_staged.inventory
  identity = {
    component = "inventory"
    id        = "123456789012"
  }
}

resource "p0_aws_component_staged" "inventory" {
  component  = "inventory"
  account_id = "123456789012"
}
