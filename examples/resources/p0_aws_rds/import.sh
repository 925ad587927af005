terraform import p0_aws_rds.this vpc-0abc1234
