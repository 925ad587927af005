variable "hec_token" {
  type      = string
  sensitive = true
}

resource "p0_splunk_audit_logs" "this" {
  token_id            = "p0-audit"
  hec_endpoint        = "https://splunk.example.com:8088/services/collector"
  hec_token_cleartext = var.hec_token
  index               = "p0"
}
