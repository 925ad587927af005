import {
  to = p0_gcp_security_perimeter.this
  identity = {
    project = "my-project"
  }
}
