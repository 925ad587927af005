resource "p0_assessment_viewer_user" "this" {
  email = "alice@example.com"
}
