terraform import p0_ssh_aws.this 123456789012
