terraform import p0_gcp_cloudsql.this prod-network
