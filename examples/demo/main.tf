# The offline demo that `make demo` applies against the mock P0 API. The
# provider reads P0_HOST, P0_ORG and P0_API_TOKEN from the environment.
#
# The demo applies the examples themselves, which the other .tf files here
# link to: the AWS onboarding (aws_*.tf, with the offline stand-in for the
# AWS provider that make demo builds), the Google Cloud integration with
# just-in-time access in a project (gcp_iam_write.tf), and the routing
# rules, expiry options and JIT settings of the resource examples. This file
# reads back what they made.
data "p0_aws_integration" "current" {
  depends_on = [p0_aws_component.iam_write, p0_aws_component.iam_assessment, p0_aws_component.inventory]
}

output "aws_components" {
  value = {
    for component, items in data.p0_aws_integration.current.components :
    component => { for id, item in items : id => item.state }
    if length(items) > 0
  }
}

data "p0_routing_workflow" "current" {
  depends_on = [p0_routing_rule.example, p0_routing_rule.default]
}

output "routing_rules" {
  value = [for r in data.p0_routing_workflow.current.rules : r.name]
}

output "max_access_duration" {
  value = p0_jit_settings.this.max_access_duration.value
}

# A pipeline's just-in-time access request. It is submitted on every plan and
# apply and never stored in the plan or the state.
ephemeral "p0_access_request" "pipeline" {
  argv   = ["request", "aws", "permission-set", "Deployer", "--account", "demo"]
  reason = "make demo"
}

output "gcp_iam_write" {
  value = {
    service_account = p0_gcp.this.service_account_email
    project         = p0_gcp_iam_write.this.project
    state           = p0_gcp_iam_write.this.state
  }
}
