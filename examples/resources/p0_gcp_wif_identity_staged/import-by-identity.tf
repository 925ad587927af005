import {
  to = p0_gcp_wif_identity_staged.this
  identity = {
    id = "github-actions"
  }
}
