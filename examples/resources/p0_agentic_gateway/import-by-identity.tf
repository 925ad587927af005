import {
  to = p0_agentic_gateway.this
  identity = {
    id = "main"
  }
}
