import {
  to = p0_gcp_cloudsql_staged.this
  identity = {
    id = "prod-network"
  }
}
