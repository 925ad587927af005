resource "p0_security_reviewer_group" "this" {
  group = "P0 Admins"
}
