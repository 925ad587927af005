# File transfer through an S3 bucket, for the instances p0_ssh_aws gives
# access to.
resource "p0_ssh_aws" "this" {
  account_id = "123456789012"
}

resource "p0_file_transfer" "this" {
  account_id  = p0_ssh_aws.this.account_id
  bucket_name = "my-transfer-bucket"
}
