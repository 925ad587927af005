list "p0_kubernetes_staged" "all" {
  provider         = p0
  include_resource = true
}
