terraform import p0_azure_jump_host.this my-org
