import {
  to = p0_postgres.this
  identity = {
    id = "prod-db"
  }
}
