resource "p0_okta_directory_listing_staged" "this" {
  domain = "example.okta.com"
}

resource "p0_okta_group_assignment" "this" {
  domain     = p0_okta_directory_listing_staged.this.domain
  depends_on = [p0_okta_directory_listing_staged.this]
}
