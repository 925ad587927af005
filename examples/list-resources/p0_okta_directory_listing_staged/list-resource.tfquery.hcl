list "p0_okta_directory_listing_staged" "all" {
  provider         = p0
  include_resource = true
}
