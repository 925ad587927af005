terraform import p0_splunk_audit_logs.this p0-audit
