resource "p0_security_reviewer_user" "this" {
  email = "alice@example.com"
}
