# 5. Who may request access to the account, and the JIT defaults.
resource "p0_routing_rule" "aws_engineering" {
  name = "AWS for engineering"

  requestor = {
    type = "group"
    uid  = "engineering@example.com"
  }

  resource = {
    type    = "integration"
    service = "aws"
  }

  approval = [
    {
      type = "p0"
      options = {
        require_reason = true
      }
    },
  ]

  depends_on = [p0_aws_component.iam_write]
}

resource "p0_jit_settings" "this" {
  allow_one_party = false
  require_reason  = true

  standing_access_duration = { time = 8, unit = "h" }
  max_access_duration      = { time = 7, unit = "d" }
}

resource "p0_expiry_option" "two_hours" {
  time = 2
  unit = "h"
}
