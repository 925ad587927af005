terraform import p0_gcp_iam_write_staged.this my-project
