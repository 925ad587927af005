# 3. Create the roles exactly as P0 describes them. for_each is keyed on the
# configuration (local.role_components), not on the staged resources, so
# that its keys are known at plan time, even while those are imported.
resource "aws_iam_role" "p0" {
  for_each           = local.role_components
  name               = p0_aws_component_staged.this[each.key].role_name
  assume_role_policy = p0_aws_component_staged.this[each.key].trust_policy
}

resource "aws_iam_role_policy" "p0" {
  for_each = local.role_components
  name     = p0_aws_component_staged.this[each.key].inline_policy_name
  role     = aws_iam_role.p0[each.key].id
  policy   = p0_aws_component_staged.this[each.key].inline_policy
}

resource "aws_accessanalyzer_analyzer" "p0" {
  analyzer_name = "p0"
}
