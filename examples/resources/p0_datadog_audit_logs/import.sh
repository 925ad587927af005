terraform import p0_datadog_audit_logs.this p0-audit
