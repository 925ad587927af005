terraform import p0_gcp_iam_write.this my-project
