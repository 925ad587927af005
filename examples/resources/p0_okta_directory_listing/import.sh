terraform import p0_okta_directory_listing.this example.okta.com
