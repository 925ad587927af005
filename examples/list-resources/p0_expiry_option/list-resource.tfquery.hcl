# Every expiry option the organization offers, P0's presets included.
list "p0_expiry_option" "all" {
  provider = p0
}
