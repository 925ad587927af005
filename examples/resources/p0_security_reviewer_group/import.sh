terraform import p0_security_reviewer_group.this "P0 Admins"
