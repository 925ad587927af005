import {
  to = p0_agentic_identity_provider.this
  identity = {
    id = "github-actions"
  }
}
