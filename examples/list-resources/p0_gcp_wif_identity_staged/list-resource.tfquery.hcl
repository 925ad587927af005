list "p0_gcp_wif_identity_staged" "all" {
  provider         = p0
  include_resource = true
}
