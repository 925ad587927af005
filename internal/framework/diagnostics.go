package framework

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// addAPIError turns a client error into one diagnostic. summary is Title
// Case and names the action and object ("Unable to Create Routing Rule");
// action says, in lower case, what the provider was doing ("creating routing
// rule \"x\""). The detail adds P0's status and message and what to do next.
func addAPIError(diags *diag.Diagnostics, summary, action string, err error) {
	diags.AddError(summary, APIErrorDetail(action, err))
}

// APIErrorDetail is the body of addAPIError's diagnostic, for callers that
// need to add their own advice.
func APIErrorDetail(action string, err error) string {
	var apiErr *p0.APIError
	if errors.As(err, &apiErr) {
		return fmt.Sprintf("While %s, P0 answered %s.\n\n%s", action, Answered(apiErr), nextStep(apiErr))
	}
	var refused *p0.CredentialsRefusedError
	if errors.As(err, &refused) {
		return fmt.Sprintf("While %s, nothing was sent: P0 refused the API key earlier in this run (%d %s). %s",
			action, refused.First.StatusCode, http.StatusText(refused.First.StatusCode), nextStep(refused.First))
	}
	if errors.Is(err, p0.ErrMalformedResponse) {
		return fmt.Sprintf("While %s, P0's answer could not be read: %s.\n\n"+
			"If a proxy sits between Terraform and P0, check that it passes P0's JSON answers through; "+
			"otherwise report this to P0 support.", action, err)
	}
	return fmt.Sprintf("While %s, the request to P0 failed: %s.\n\n"+
		"Check that the host setting is right and that P0 can be reached from here, then run Terraform again.", action, err)
}

// AnswerDetail is apiErrorDetail without the next step, for callers whose
// own advice replaces it: what the provider was doing and P0's answer.
// Errors that are not P0's answers keep apiErrorDetail's advice.
func AnswerDetail(action string, err error) string {
	var apiErr *p0.APIError
	if errors.As(err, &apiErr) {
		return fmt.Sprintf("While %s, P0 answered %s.", action, Answered(apiErr))
	}
	return APIErrorDetail(action, err)
}

// Answered is P0's error answer in words: the status, P0's message and
// how many attempts it took, as in "409 Conflict: option 2h already exists".
func Answered(apiErr *p0.APIError) string {
	text := fmt.Sprintf("%d %s", apiErr.StatusCode, http.StatusText(apiErr.StatusCode))
	if apiErr.Message != "" {
		text += ": " + apiErr.Message
	}
	if apiErr.Attempts > 1 {
		text += fmt.Sprintf(" (after %d attempts)", apiErr.Attempts)
	}
	return text
}

// nextStep says what the user can do about an error status.
func nextStep(err *p0.APIError) string {
	switch {
	case err.StatusCode == http.StatusBadRequest:
		return "P0 rejected the request as invalid. Correct the configuration according to P0's message and apply again."
	case err.StatusCode == http.StatusUnauthorized:
		return RefusedKeyFix(orgIn(err.Path))
	case err.StatusCode == http.StatusForbidden:
		return RefusedOrgFix + " Check too that the API key may manage this object."
	case err.StatusCode == http.StatusNotFound:
		return "The object does not exist in P0. If it was removed outside Terraform, run terraform apply again to recreate it."
	case err.StatusCode == http.StatusConflict:
		return "The object already exists in P0 or was changed concurrently. Import it with terraform import, " +
			"or run terraform apply again after the other change has finished."
	case err.StatusCode == http.StatusUnprocessableEntity:
		return "P0 refused the change as it would leave the organization in a state P0 does not allow, as its message " +
			"says (for example without an owner). Change the configuration so that it does not (bind another owner " +
			"first), then apply again."
	case err.Retryable():
		return "P0 is throttling requests or temporarily unavailable. Try again later, or raise max_retries in the provider block."
	}
	return "Check the configuration and try again; contact P0 support if the problem persists."
}

// RefusedKeyFix says how to fix an API key that P0 refused (401) for org,
// or for an organization not known when org is "".
func RefusedKeyFix(org string) string {
	of := "the organization"
	if org != "" {
		of = fmt.Sprintf("organization %q", org)
	}
	return fmt.Sprintf("Set api_token in the provider block, or the P0_API_TOKEN environment variable, to a valid, "+
		"unexpired API key of %s. An administrator of the organization creates keys in its settings in P0's web "+
		"app; the key is shown once, when it is created.", of)
}

// RefusedOrgFix says how to fix an organization P0 refused the key (403).
const RefusedOrgFix = "If org (or P0_ORG) is not the organization's id, correct it: it is the id in the address " +
	"of P0's web app, https://p0.app/o/<org>/."

// orgIn is the organization of an API path, /o/{org}/..., or "".
func orgIn(apiPath string) string {
	rest, ok := strings.CutPrefix(apiPath, "/o/")
	if !ok {
		return ""
	}
	org, _, _ := strings.Cut(rest, "/")
	if unescaped, err := url.PathUnescape(org); err == nil {
		return unescaped
	}
	return org
}

// AlreadyExists is the diagnostic for a create that P0 refused because the
// object exists: what was being created, P0's answer, why it may exist,
// and how to bring it under Terraform, as commands that can be pasted as
// they are (the import ID quoted) once <name> is the resource's name.
func AlreadyExists(diags *diag.Diagnostics, summary, object, resourceType, importID string, conflict *p0.APIError, causes string) {
	diags.AddError(summary, fmt.Sprintf("While creating %s, P0 answered %s: %s\n\nTo manage it with Terraform, %s",
		object, Answered(conflict), causes, ImportCommands(resourceType, importID)))
}

// ImportCommands says how to import an object as resourceType: the
// command, then the import block, each ready to paste once <name> is the
// resource's name.
func ImportCommands(resourceType, importID string) string {
	return fmt.Sprintf("import it:\n\n"+
		"  terraform import %s.<name> %q\n\n"+
		"or add an import block to the configuration:\n\n"+
		"  import {\n    to = %s.<name>\n    id = %q\n  }", resourceType, importID, resourceType, importID)
}

// Quoted is a name as messages show it: "prod".
func Quoted(v types.String) string { return strconv.Quote(v.ValueString()) }
