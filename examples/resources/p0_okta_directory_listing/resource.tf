resource "p0_okta_directory_listing_staged" "this" {
  domain = "example.okta.com"
}

resource "p0_okta_directory_listing" "this" {
  domain = p0_okta_directory_listing_staged.this.domain
  client = "0oa1b2c3d4e5f6g7h8i9"
  jwk    = p0_okta_directory_listing_staged.this.jwk
}
