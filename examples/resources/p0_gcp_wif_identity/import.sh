terraform import p0_gcp_wif_identity.this github-actions
