terraform import p0_owner_user.this alice@example.com
