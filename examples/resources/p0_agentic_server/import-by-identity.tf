import {
  to = p0_agentic_server.tickets
  identity = {
    id = "tickets"
  }
}
