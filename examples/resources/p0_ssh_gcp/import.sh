terraform import p0_ssh_gcp.this my-project
