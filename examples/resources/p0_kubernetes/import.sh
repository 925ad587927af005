terraform import p0_kubernetes.this prod
