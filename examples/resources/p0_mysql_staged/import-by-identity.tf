import {
  to = p0_mysql_staged.this
  identity = {
    id = "prod-db"
  }
}
