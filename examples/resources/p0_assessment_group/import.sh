terraform import p0_assessment_group.this "P0 Admins"
