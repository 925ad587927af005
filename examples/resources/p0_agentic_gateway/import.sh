terraform import p0_agentic_gateway.this main
