import {
  to = p0_assessment_group.this
  identity = {
    group = "P0 Admins"
  }
}
