# Request just-in-time access when a release is applied, and only then: a
# plan never submits the request.
variable "release" {
  type        = string
  description = "The release this apply deploys."
}

action "p0_access_request" "deploy" {
  config {
    argv   = ["request", "aws", "permission-set", "Deployer", "--account", "p0-prod"]
    reason = "Deploy release ${var.release}"
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

# Or invoke it on its own:
#   terraform apply -invoke=action.p0_access_request.deploy
