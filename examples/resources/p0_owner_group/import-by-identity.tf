import {
  to = p0_owner_group.this
  identity = {
    group = "P0 Admins"
  }
}
