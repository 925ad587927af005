resource "p0_assessment_group" "this" {
  group = "P0 Admins"
}
