import {
  to = p0_aws_midc_staged.this
  identity = {
    id = "123456789012"
  }
}
