terraform import p0_gcp.this 123456789012
