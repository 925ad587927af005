# A routing rule is imported by its name, which is also its id.
terraform import p0_routing_rule.example "AWS non-production"
