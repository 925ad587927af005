# Stage a database; deploy the connector P0 generates, then install it with
# p0_mysql.
resource "p0_mysql_staged" "this" {
  id = "prod-db"
  hosting = {
    type         = "aws-rds"
    instance_arn = "arn:aws:rds:us-west-2:123456789012:db:prod-db"
    vpc_id       = "vpc-0abc1234"
  }
}

output "connector_arn" {
  value = p0_mysql_staged.this.hosting.connector_arn
}
