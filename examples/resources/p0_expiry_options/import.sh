terraform import p0_expiry_options.this my-org
