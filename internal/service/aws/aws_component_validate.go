package aws

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentSettings pairs each component-specific attribute with the one
// component that requires it; every other component refuses it.
var awsComponentSettings = []struct{ attribute, component string }{
	{"access_analyzer_arn", p0.ComponentIAMAssessment},
	{"cloud_lake_arn", p0.ComponentAccessLogs},
	{"login", p0.ComponentIAMWrite},
}

// ValidateConfig checks the rules that span attributes: the identifier and
// the settings each component takes. Unknown values are skipped.
func (r *awsComponentResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if component, ok := validateAWSItemTarget(ctx, req.Config, &resp.Diagnostics); ok {
		for _, s := range awsComponentSettings {
			framework.RequireOrForbid(ctx, req.Config, &resp.Diagnostics, path.Root(s.attribute), component == s.component,
				fmt.Sprintf("%s is required for component %q", s.attribute, s.component),
				fmt.Sprintf("%s is only allowed for component %q, not for %q", s.attribute, s.component, component))
		}
	}
	identity := path.Root("login").AtName("identity")
	// iam and idc sign-ins name the user's identity; merged-idc and
	// federated ones may not, as P0 holds them.
	if loginType := framework.StringAt(ctx, req.Config, path.Root("login").AtName("type")); framework.Known(loginType) &&
		(loginType.ValueString() == "iam" || loginType.ValueString() == "idc") {
		framework.RequireOrForbid(ctx, req.Config, &resp.Diagnostics, identity, true,
			fmt.Sprintf("login.identity is required when login.type is %q", loginType.ValueString()), "")
	}
	if identityType := framework.StringAt(ctx, req.Config, identity.AtName("type")); framework.IsKnownValue(identityType, p0.AWSLoginIdentityTypes) {
		framework.RequireOrForbid(ctx, req.Config, &resp.Diagnostics, identity.AtName("tag_name"), identityType.ValueString() == "tag",
			"login.identity.tag_name is required when login.identity.type is \"tag\"",
			"login.identity.tag_name is only allowed when login.identity.type is \"tag\"")
	}
}
