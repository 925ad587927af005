import {
  to = p0_kubernetes.this
  identity = {
    id = "prod"
  }
}
