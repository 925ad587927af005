terraform import p0_owner_group.this "P0 Admins"
