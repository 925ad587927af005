import {
  to = p0_ssh_gcp.this
  identity = {
    project_id = "my-project"
  }
}
