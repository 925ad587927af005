import {
  to = p0_assessment_user.this
  identity = {
    email = "alice@example.com"
  }
}
