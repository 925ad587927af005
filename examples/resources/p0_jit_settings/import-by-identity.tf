# The org must be the provider's organization.
import {
  to       = p0_jit_settings.this
  identity = { org = "my-org" }
}
