import {
  to = p0_okta_directory_listing_staged.this
  identity = {
    domain = "example.okta.com"
  }
}
