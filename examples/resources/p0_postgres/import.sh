terraform import p0_postgres.this prod-db
