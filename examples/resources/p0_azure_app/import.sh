terraform import p0_azure_app.this my-org
