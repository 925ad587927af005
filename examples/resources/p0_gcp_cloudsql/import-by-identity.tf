import {
  to = p0_gcp_cloudsql.this
  identity = {
    id = "prod-network"
  }
}
