resource "p0_assessment_user" "this" {
  email = "alice@example.com"
}
