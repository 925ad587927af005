resource "p0_postgres_staged" "this" {
  id = "prod-db"
  hosting = {
    type         = "aws-rds"
    instance_arn = "arn:aws:rds:us-west-2:123456789012:db:prod-db"
    vpc_id       = "vpc-0abc1234"
  }
}

resource "p0_postgres" "this" {
  id         = p0_postgres_staged.this.id
  port       = "5432"
  default_db = "app"
}
