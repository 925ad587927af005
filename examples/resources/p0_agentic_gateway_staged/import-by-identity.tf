import {
  to = p0_agentic_gateway_staged.this
  identity = {
    id = "main"
  }
}
