variable "datadog_api_key" {
  type      = string
  sensitive = true
}

resource "p0_datadog_audit_logs" "this" {
  identifier        = "p0-audit"
  intake_url        = "https://http-intake.logs.datadoghq.com"
  api_key_cleartext = var.datadog_api_key
  service           = "p0"
}
