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
  type = string
}

provider "p0" {
  org  = var.p0_org
  host = var.p0_host
}
