# Take over one of P0's default presets, here "1 hour", so that Terraform
# manages it (and deletes it on destroy).
import {
  to = p0_expiry_option.one_hour
  id = "1h"
}

resource "p0_expiry_option" "one_hour" {
  time = 1
  unit = "h"
}
