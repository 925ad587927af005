# Stage a gateway; make it trust service_account_email, then install it.
resource "p0_agentic_gateway_staged" "this" {
  id  = "main"
  url = "https://gateway.example.com"
}

output "service_account_email" {
  value = p0_agentic_gateway_staged.this.service_account_email
}
