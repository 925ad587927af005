# The organization's whole set of expiry presets: P0's defaults not listed
# here are removed.
resource "p0_expiry_options" "this" {
  options = [
    { time = 1, unit = "h" },
    { time = 8, unit = "h" },
    { time = 1, unit = "d" },
    { time = 1, unit = "w" },
  ]
}
