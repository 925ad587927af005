terraform import p0_gcp_iam_assessment.this my-project
