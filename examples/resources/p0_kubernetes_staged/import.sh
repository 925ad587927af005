terraform import p0_kubernetes_staged.this prod
