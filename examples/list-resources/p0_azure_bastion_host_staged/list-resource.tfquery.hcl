list "p0_azure_bastion_host_staged" "all" {
  provider         = p0
  include_resource = true
}
