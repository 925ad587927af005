list "p0_postgres_staged" "all" {
  provider         = p0
  include_resource = true
}
