list "p0_okta_directory_listing" "all" {
  provider         = p0
  include_resource = true
}
