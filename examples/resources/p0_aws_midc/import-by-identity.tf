import {
  to = p0_aws_midc.this
  identity = {
    id = "123456789012"
  }
}
