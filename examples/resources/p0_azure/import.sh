terraform import p0_azure.this 2f4a6c8e-1b3d-4f5a-8c7e-9d0b1a2c3e4f
