import {
  to = p0_kubernetes_staged.this
  identity = {
    id = "prod"
  }
}
