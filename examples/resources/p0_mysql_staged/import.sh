terraform import p0_mysql_staged.this prod-db
