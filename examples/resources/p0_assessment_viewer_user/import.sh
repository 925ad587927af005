terraform import p0_assessment_viewer_user.this alice@example.com
