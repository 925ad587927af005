list "p0_datadog_audit_logs" "all" {
  provider         = p0
  include_resource = true
}
