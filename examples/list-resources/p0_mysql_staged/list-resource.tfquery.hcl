list "p0_mysql_staged" "all" {
  provider         = p0
  include_resource = true
}
