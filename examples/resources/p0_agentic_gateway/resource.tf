resource "p0_agentic_gateway_staged" "this" {
  id  = "main"
  url = "https://gateway.example.com"
}

resource "p0_agentic_gateway" "this" {
  id             = p0_agentic_gateway_staged.this.id
  url            = p0_agentic_gateway_staged.this.url
  oauth_endpoint = "https://auth.example.com"
  log_project_id = "my-logs-project"
}
