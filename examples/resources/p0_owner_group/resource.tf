resource "p0_owner_group" "this" {
  group = "P0 Admins"
}
