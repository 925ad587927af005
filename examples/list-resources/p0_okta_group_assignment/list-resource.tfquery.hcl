list "p0_okta_group_assignment" "all" {
  provider         = p0
  include_resource = true
}
