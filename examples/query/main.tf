# Adopting an organization that was set up without Terraform: see README.md
# beside this file. The provider reads P0_ORG and P0_API_TOKEN.
terraform {
  required_version = ">= 1.14"

  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

provider "p0" {}

# The JIT settings and the routing workflow exist once per organization and
# have no list: an import block names them by the organization. Keep the
# settings the configuration should manage, and remove the others.
import {
  to       = p0_jit_settings.this
  identity = { org = "my-org" }
}

resource "p0_jit_settings" "this" {
  require_reason = true
}
