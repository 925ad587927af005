import {
  to = p0_gcp_security_perimeter_staged.this
  identity = {
    project = "my-project"
  }
}
