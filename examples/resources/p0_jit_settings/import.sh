# The JIT settings are imported by the organization id, which must be the
# one the provider is configured for.
terraform import p0_jit_settings.this my-org
