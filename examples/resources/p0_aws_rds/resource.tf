# Let P0 grant access to the RDS databases of a VPC.
resource "p0_aws_rds" "this" {
  id         = "vpc-0abc1234"
  account_id = "123456789012"
  region     = "us-west-2"
  label      = "production"
}
