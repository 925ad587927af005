import {
  to = p0_okta_directory_listing.this
  identity = {
    domain = "example.okta.com"
  }
}
