list "p0_azure_bastion_host" "all" {
  provider         = p0
  include_resource = true
}
