import {
  to       = p0_expiry_option.two_hours
  identity = { key = "2h" }
}
