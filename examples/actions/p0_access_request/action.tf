# A pipeline step that needs just-in-time access to deploy. The action
# requests it when the release is applied, and only then: a plan never
# submits the request. With wait = true, the apply waits, up to
# wait_timeout, until an approver grants the access (in Slack, Teams or P0),
# so that the step after it can use the access; it fails if the request is
# denied, expires, errors or is revoked.
variable "release" {
  type        = string
  description = "The release this apply deploys."
}

action "p0_access_request" "deploy" {
  config {
    argv         = ["request", "aws", "permission-set", "Deployer", "--account", "p0-prod"]
    reason       = "Deploy release ${var.release}"
    wait         = true
    wait_timeout = "15m"
  }
}

resource "terraform_data" "release" {
  input = var.release

  lifecycle {
    action_trigger {
      events  = [before_create, before_update]
      actions = [action.p0_access_request.deploy]
    }
  }
}

# Or, in a pipeline, on its own, before the step that uses the access:
#   terraform apply -invoke=action.p0_access_request.deploy
#   ./deploy.sh   # runs with the access P0 granted
