terraform import p0_gcp_access_logs.this my-project
