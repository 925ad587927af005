list "p0_kubernetes" "all" {
  provider         = p0
  include_resource = true
}
