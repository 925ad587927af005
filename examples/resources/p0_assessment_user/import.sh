terraform import p0_assessment_user.this alice@example.com
