list "p0_postgres" "all" {
  provider         = p0
  include_resource = true
}
