# 6. A pipeline that needs just-in-time access while it runs.
ephemeral "p0_access_request" "deploy" {
  argv   = ["request", "aws", "permission-set", "BucketList", "--account", "p0-dev"]
  reason = "Deploy from CI"
}
