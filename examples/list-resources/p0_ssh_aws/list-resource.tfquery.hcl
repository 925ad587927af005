list "p0_ssh_aws" "all" {
  provider         = p0
  include_resource = true
}
