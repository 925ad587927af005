import {
  to = p0_gcp_wif_identity.this
  identity = {
    id = "github-actions"
  }
}
