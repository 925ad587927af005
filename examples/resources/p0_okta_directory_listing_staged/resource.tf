# Stage the directory listing of an Okta organization; create the Okta app
# P0 acts as with this key, then install the listing.
resource "p0_okta_directory_listing_staged" "this" {
  domain = "example.okta.com"
}

output "jwk" {
  value = p0_okta_directory_listing_staged.this.jwk
}
