# P0's AWS API server, whose agents get credentials from an AWS OIDC
# identity.
resource "p0_agentic_server" "aws_api" {
  id      = "aws-api"
  gateway = "main"
  credential = {
    type     = "aws"
    provider = "github-actions"
  }
  definition = {
    type = "p0"
    id   = "aws-api"
  }
}

# A server of your own, reached over OAuth.
resource "p0_agentic_server" "tickets" {
  id      = "tickets"
  gateway = "main"
  credential = {
    type = "oauth"
    grant = {
      type      = "authorization_code"
      pkce      = true
      client_id = "p0-tickets"
    }
  }
  definition = {
    type = "custom"
    hosting = {
      type  = "external"
      url   = "https://mcp.example.com"
      label = "Tickets"
    }
    prompt = "Use this to read and update support tickets."
  }
}
