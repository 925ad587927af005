terraform import p0_okta_group_assignment.this example.okta.com
