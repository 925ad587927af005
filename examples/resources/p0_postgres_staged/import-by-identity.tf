import {
  to = p0_postgres_staged.this
  identity = {
    id = "prod-db"
  }
}
