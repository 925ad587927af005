import {
  to = p0_assessment_viewer_user.this
  identity = {
    email = "alice@example.com"
  }
}
