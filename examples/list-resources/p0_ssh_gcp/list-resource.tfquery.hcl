list "p0_ssh_gcp" "all" {
  provider         = p0
  include_resource = true
}
