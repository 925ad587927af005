package provider

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// checkCredentials reads once, when the provider is configured, what every
// API key of the organization may read (the routing), so that a key P0
// refuses fails the plan at once, even a plan that would read nothing,
// instead of the apply after a green plan. The answer is shared with the
// operation's own reads of the routing. A 401 is an error that names
// api_token; a 403 is a warning that names org, since a key may be scoped
// to other objects; P0 out of reach is a warning, and each operation that
// needs P0 reports it as it meets it.
func checkCredentials(ctx context.Context, client *p0.Client, diags *diag.Diagnostics) {
	err := client.CheckCredentials(ctx)
	var apiErr *p0.APIError
	switch {
	case err == nil:
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusUnauthorized:
		diags.AddAttributeError(path.Root("api_token"), "P0 Refused the API Key",
			fmt.Sprintf("The provider checks the API key when it is configured, with one read of organization %q's "+
				"routing (%s %s), and P0 answered %s.\n\n%s\n\n%s", client.Org(), apiErr.Method, apiErr.Path, framework.Answered(apiErr), framework.RefusedKeyFix(client.Org()), skipCheckHint))
	case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusForbidden:
		diags.AddAttributeWarning(path.Root("org"), "P0 Refused Access to the Organization",
			fmt.Sprintf("The provider checks the API key and the organization when it is configured, with one read of "+
				"organization %q's routing (%s %s), and P0 answered %s.\n\n%s If the key is scoped to other objects than "+
				"routing rules, this is expected, and the run goes on. %s",
				client.Org(), apiErr.Method, apiErr.Path, framework.Answered(apiErr), framework.RefusedOrgFix, skipCheckHint))
	default:
		diags.AddWarning("Unable to Check the P0 Credentials", framework.APIErrorDetail("checking the API key with one read of the routing", err)+
			"\n\nThe run goes on; each operation that needs P0 reports what it meets. "+skipCheckHint)
	}
}

// skipCheckHint says how to plan without the check.
const skipCheckHint = "To plan without the check (offline, or with a key scoped to some objects), set " +
	"skip_credentials_validation = true in the provider block, or P0_SKIP_CREDENTIALS_VALIDATION=true."
