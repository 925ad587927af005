# Reset the expiry options to P0's presets, on demand:
#   terraform apply -invoke=action.p0_expiry_options_reset.presets
# Managed p0_expiry_option resources that are not presets are created again
# by the next apply.
action "p0_expiry_options_reset" "presets" {}
