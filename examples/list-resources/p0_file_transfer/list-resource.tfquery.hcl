list "p0_file_transfer" "all" {
  provider         = p0
  include_resource = true
}
