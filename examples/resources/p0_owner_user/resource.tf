resource "p0_owner_user" "this" {
  email = "alice@example.com"
}
