list "p0_mysql" "all" {
  provider         = p0
  include_resource = true
}
