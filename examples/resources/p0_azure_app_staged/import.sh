terraform import p0_azure_app_staged.this my-org
