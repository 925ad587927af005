terraform import p0_security_reviewer_user.this alice@example.com
