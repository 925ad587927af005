# Import the organization's current JIT settings. The import reads every
# setting; those not in the configuration below leave Terraform's state on
# the next apply, without being changed in P0.
import {
  to = p0_jit_settings.imported
  id = "my-org"
}

resource "p0_jit_settings" "imported" {
  require_reason = true

  max_access_duration = {
    time = 30
    unit = "d"
  }
}
