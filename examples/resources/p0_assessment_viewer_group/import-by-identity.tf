import {
  to = p0_assessment_viewer_group.this
  identity = {
    group = "P0 Admins"
  }
}
