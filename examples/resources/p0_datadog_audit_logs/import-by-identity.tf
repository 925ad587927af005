import {
  to = p0_datadog_audit_logs.this
  identity = {
    identifier = "p0-audit"
  }
}
