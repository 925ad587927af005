resource "p0_kubernetes_staged" "this" {
  id                    = "prod"
  cluster_arn           = "arn:aws:eks:us-west-2:123456789012:cluster/prod"
  cluster_endpoint      = "https://ABC123.gr7.us-west-2.eks.amazonaws.com"
  certificate_authority = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"
}

variable "p0_service_account_token" {
  type      = string
  sensitive = true
}

# Once P0's components run in the cluster, install it with the token of the
# service account P0 acts as.
resource "p0_kubernetes" "this" {
  id                    = p0_kubernetes_staged.this.id
  cluster_arn           = p0_kubernetes_staged.this.cluster_arn
  cluster_endpoint      = p0_kubernetes_staged.this.cluster_endpoint
  certificate_authority = p0_kubernetes_staged.this.certificate_authority
  public_jwk            = jsonencode({ kty = "EC", crv = "P-256", x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0" })
  token                 = var.p0_service_account_token
}
