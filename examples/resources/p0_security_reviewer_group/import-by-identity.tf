import {
  to = p0_security_reviewer_group.this
  identity = {
    group = "P0 Admins"
  }
}
