# p0_routing_rule at P0's schema version 1: groups listed.
resource "p0_routing_rule" "oncall" {
  name      = "On call"
  requestor = { type = "group", groups = [{ directory = "okta", id = "00g1", label = "On call" }] }
  resource  = { type = "integration", service = "ssh" }
  approval  = [{ type = "group", groups = [{ directory = "okta", id = "00g2", label = "Leads" }] }]
}

# p0_aws_iam_write and its staged form as written before P0's provider
# added partition (0.22.0).
resource "p0_aws_iam_write_staged" "prod" {
  id = "123456789012"
}

resource "p0_aws_iam_write" "prod" {
  id    = p0_aws_iam_write_staged.prod.id
  label = "Production"
  login = {
    type     = "iam"
    identity = { type = "tag", tag_name = "p0-user" }
  }
}
