import {
  to = p0_mysql.this
  identity = {
    id = "prod-db"
  }
}
