terraform {
  required_providers {
    p0 = {
      source = "p0-security/p0"
    }
  }
}

# With P0_ORG and P0_API_TOKEN exported, the provider block can be empty:
#
#   export P0_ORG="my-org"
#   export P0_API_TOKEN="..."   # a P0 API key
#
# provider "p0" {}

# Every setting can also be written here; values in the block win over the
# environment. Keep the API key out of version control.
provider "p0" {
  org         = "my-org"
  api_token   = var.p0_api_token
  host        = "https://api.p0.app"
  max_retries = 5
}

variable "p0_api_token" {
  description = "P0 API key for the organization."
  type        = string
  sensitive   = true
}
