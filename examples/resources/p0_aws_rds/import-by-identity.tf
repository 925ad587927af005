import {
  to = p0_aws_rds.this
  identity = {
    id = "vpc-0abc1234"
  }
}
