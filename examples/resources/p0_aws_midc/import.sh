terraform import p0_aws_midc.this 123456789012
