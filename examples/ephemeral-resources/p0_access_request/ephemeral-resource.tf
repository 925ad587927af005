# Ask P0 for just-in-time access while a pipeline runs. Nothing of the
# request is stored in the plan or the state; it is submitted again on every
# run, and P0 reports an identical open request as preexisting.
ephemeral "p0_access_request" "deploy" {
  argv   = ["request", "aws", "permission-set", "Deployer", "--account", "p0-prod"]
  reason = "Deploy pipeline run ${var.run_id}"
}

variable "run_id" {
  type        = string
  description = "The CI run that needs access."
}

# Ephemeral values can feed provider configuration and other ephemeral
# contexts, for example to log the request id in a pipeline.
locals {
  access_request_id = ephemeral.p0_access_request.deploy.id
}
