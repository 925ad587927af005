resource "p0_assessment_viewer_group" "this" {
  group = "P0 Admins"
}
