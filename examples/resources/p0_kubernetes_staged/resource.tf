# Stage a cluster. P0 answers with the PKI of its admission controller,
# which P0's components in the cluster are deployed with.
resource "p0_kubernetes_staged" "this" {
  id                    = "prod"
  cluster_arn           = "arn:aws:eks:us-west-2:123456789012:cluster/prod"
  cluster_endpoint      = "https://ABC123.gr7.us-west-2.eks.amazonaws.com"
  certificate_authority = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"
}

output "ca_bundle" {
  value = p0_kubernetes_staged.this.ca_bundle
}
