list "p0_ssh_azure" "all" {
  provider         = p0
  include_resource = true
}
