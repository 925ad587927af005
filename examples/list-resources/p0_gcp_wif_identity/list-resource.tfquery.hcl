list "p0_gcp_wif_identity" "all" {
  provider         = p0
  include_resource = true
}
