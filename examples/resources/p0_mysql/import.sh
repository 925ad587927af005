terraform import p0_mysql.this prod-db
