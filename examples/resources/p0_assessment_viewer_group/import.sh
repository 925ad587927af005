terraform import p0_assessment_viewer_group.this "P0 Admins"
