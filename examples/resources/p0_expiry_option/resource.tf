# Requestors can pick "2 hours" and "4 hours" as well as P0's default
# presets (5 minutes, 1 hour, 1 day, 1 week, 30 days).
resource "p0_expiry_option" "two_hours" {
  time = 2
  unit = "h"
}

resource "p0_expiry_option" "four_hours" {
  time = 4
  unit = "h"
}

output "expiry_option_labels" {
  # As P0 displays them, e.g. "2 hours".
  value = [p0_expiry_option.two_hours.value, p0_expiry_option.four_hours.value]
}
