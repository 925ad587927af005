terraform import p0_postgres_staged.this prod-db
