import {
  to = p0_owner_user.this
  identity = {
    email = "alice@example.com"
  }
}
