# The configuration of ../before after the switch to this provider: the
# same provider address, the same provider block.
terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

variable "p0_org" {
  type = string
}

variable "p0_host" {
  type    = string
  default = "https://api.p0.app"
}

# P0_API_TOKEN comes from the environment.
provider "p0" {
  org  = var.p0_org
  host = var.p0_host
}
