package framework_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAlreadyExistsFitsTheCause checks the diagnostic of a create refused
// because the object exists: P0's answer, pasteable commands with the ID
// quoted, and no advice about the network, which is not the cause.
func TestAlreadyExistsFitsTheCause(t *testing.T) {
	var diags diag.Diagnostics
	conflict := &p0.APIError{Method: "POST", Path: "/routing/name/Legacy%20rule", StatusCode: http.StatusConflict, Message: "routing rule exists"}
	framework.AlreadyExists(&diags, "Routing Rule Already Exists", `routing rule "Legacy rule"`, "p0_routing_rule", "Legacy rule", conflict, "it exists.")
	if len(diags) != 1 || diags[0].Summary() != "Routing Rule Already Exists" {
		t.Fatalf("diagnostics = %v", diags)
	}
	detail := diags[0].Detail()
	for _, want := range []string{
		`While creating routing rule "Legacy rule", P0 answered 409 Conflict: routing rule exists: it exists.`,
		`terraform import p0_routing_rule.<name> "Legacy rule"`,
		"import {\n    to = p0_routing_rule.<name>\n    id = \"Legacy rule\"\n  }",
	} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail lacks %q:\n%s", want, detail)
		}
	}
	if strings.Contains(detail, "host setting") || strings.Contains(detail, "can be reached") {
		t.Errorf("a conflict is given network advice:\n%s", detail)
	}
}

// TestCredentialsRefusedEarlierIsShort checks the diagnostic of a request
// not sent after P0 refused the API key: one line that says what happened
// and what to fix, without P0's answer, which the first error gives.
func TestCredentialsRefusedEarlierIsShort(t *testing.T) {
	for status, fix := range map[int]string{
		http.StatusUnauthorized: `Set api_token in the provider block, or the P0_API_TOKEN environment variable, to a valid, unexpired API key of organization "acme"`,
		http.StatusForbidden:    "If org (or P0_ORG) is not the organization's id, correct it",
	} {
		first := &p0.APIError{Method: "GET", Path: "/o/acme/routing/name/a", StatusCode: status, Message: "invalid token"}
		detail := framework.APIErrorDetail(`reading routing rule "b"`, &p0.CredentialsRefusedError{First: first})
		want := fmt.Sprintf(`While reading routing rule "b", nothing was sent: P0 refused the API key earlier in this run (%d %s). %s`,
			status, http.StatusText(status), fix)
		if !strings.HasPrefix(detail, want) || strings.Contains(detail, "\n") || strings.Contains(detail, "invalid token") ||
			strings.Contains(detail, "error that reports it") {
			t.Errorf("detail = %q; want one line starting %q", detail, want)
		}
		if full := framework.APIErrorDetail(`reading routing rule "a"`, first); !strings.Contains(full, "P0 answered") || !strings.Contains(full, fix) {
			t.Errorf("the first refusal's detail lacks P0's answer or the fix: %q", full)
		}
	}
}
