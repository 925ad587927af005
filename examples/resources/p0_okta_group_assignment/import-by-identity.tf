import {
  to = p0_okta_group_assignment.this
  identity = {
    domain = "example.okta.com"
  }
}
