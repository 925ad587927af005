list "p0_splunk_audit_logs" "all" {
  provider         = p0
  include_resource = true
}
