import {
  to = p0_splunk_audit_logs.this
  identity = {
    token_id = "p0-audit"
  }
}
