# The organization's JIT settings. Declare this resource at most once per
# organization. Settings left out are not changed or tracked.
resource "p0_jit_settings" "this" {
  # Every request needs a second approver and a reason.
  allow_one_party = false
  require_reason  = true

  # Standing access lasts one hour; nobody may request more than a week.
  # The standing duration may not exceed the maximum.
  standing_access_duration = {
    time = 1
    unit = "h"
  }
  max_access_duration = {
    time = 7
    unit = "d"
  }
}
