terraform import p0_gcp_cloudsql_staged.this prod-network
