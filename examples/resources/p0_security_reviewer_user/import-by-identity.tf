import {
  to = p0_security_reviewer_user.this
  identity = {
    email = "alice@example.com"
  }
}
