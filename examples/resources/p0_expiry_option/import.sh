# Expiry options are imported by their key: the time followed by the unit.
# P0's default presets are 5m, 1h, 24h, 168h and 720h.
terraform import p0_expiry_option.two_hours 2h
