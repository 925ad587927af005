package agentic_test

import (
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestAccAgentic runs the install lifecycle of every agentic resource.
func TestAccAgentic(t *testing.T) {
	item := func(key, id string) p0.ItemRef { return p0.ItemRef{Integration: "agentic", Component: key, ID: id} }
	byID := func(id string) map[string]string { return map[string]string{"id": id} }
	stagedGateway := acctest.InstallBlock("p0_agentic_gateway_staged", `id = "gw1"`, `url = "https://gw.example.com"`)
	gateway := func(more ...string) string {
		return acctest.InstallBlock("p0_agentic_gateway", append([]string{"id = p0_agentic_gateway_staged.this.id",
			"url = p0_agentic_gateway_staged.this.url", `oauth_endpoint = "https://auth.example.com"`}, more...)...)
	}
	server := func(gateway, credential, definition string) string {
		return acctest.InstallBlock("p0_agentic_server", `id = "mcp"`, `gateway = "`+gateway+`"`, "credential = "+credential, "definition = "+definition)
	}
	const (
		oauth    = `{ type = "oauth", grant = { type = "authorization_code", pkce = true, client_id = "cid" } }`
		external = `{ type = "custom", hosting = { type = "external", url = "https://mcp.example.com", label = "My MCP" }, logo_url = "https://example.com/logo.png", prompt = "Use this" }`
		aws      = `{ type = "aws", provider = "github-ci" }`
		p0Server = `{ type = "p0", id = "aws-api" }`
	)
	acctest.RunInstall(t, []acctest.InstallCase{
		{
			Name: "gateway staged", Address: "p0_agentic_gateway_staged.this", Config: stagedGateway,
			Replaced: acctest.InstallBlock("p0_agentic_gateway_staged", `id = "gw1"`, `url = "https://gw2.example.com"`),
			ImportID: "gw1", Identity: byID("gw1"), Ref: item("gateway", "gw1"),

			Wire: []string{`PUT {"url":"https://gw.example.com"}`}},
		{
			Name: "gateway", Address: "p0_agentic_gateway.this", Before: stagedGateway,
			Config: gateway(), Updated: gateway(`log_project_id = "logs-proj"`),
			ImportID: "gw1", Identity: byID("gw1"), Ref: item("gateway", "gw1"), Installed: true,
			Wire: []string{`PUT {"url":"https://gw.example.com"}`, `POST /verify {"url":"https://gw.example.com","oauth-endpoint":"https://auth.example.com","state":"configure"}`, `POST /configure {"url":"https://gw.example.com","oauth-endpoint":"https://auth.example.com","state":"configure"}`},
		},
		{
			Name: "identity provider", Address: "p0_agentic_identity_provider.this",
			Config: acctest.InstallBlock("p0_agentic_identity_provider", `id = "github"`, `issuer = "https://token.actions.githubusercontent.com"`),
			Updated: acctest.InstallBlock("p0_agentic_identity_provider", `id = "github"`, `issuer = "https://token.actions.githubusercontent.com"`,
				`audience_pattern = "p0-*"`, `subject_pattern = "repo:org/*"`, `dynamic_registration = true`),
			Replaced: acctest.InstallBlock("p0_agentic_identity_provider", `id = "github"`, `issuer = "https://gitlab.example.com"`),
			ImportID: "github", Identity: byID("github"), Ref: item("identity-provider", "github"), Installed: true,
			Wire: []string{`PUT {"issuer":"https://token.actions.githubusercontent.com"}`, `POST /verify {"issuer":"https://token.actions.githubusercontent.com","state":"configure"}`, `POST /configure {"issuer":"https://token.actions.githubusercontent.com","state":"configure"}`},
		},
		{
			Name: "server", Address: "p0_agentic_server.this",
			Config: server("gw1", oauth, external), Updated: server("gw1", aws, p0Server), Replaced: server("gw2", aws, p0Server),
			ImportID: "mcp", Identity: byID("mcp"), Ref: item("server", "mcp"), Installed: true,
			Wire: []string{`PUT {"gateway":"gw1"}`, `POST /verify {"gateway":"gw1","state":"configure","credential":{"type":"oauth","grant":{"type":"authorization_code","pkce":true,"clientId":"cid"}},"definition":{"type":"custom","hosting":{"type":"external","url":"https://mcp.example.com","label":"My MCP"},"logoUrl":"https://example.com/logo.png","prompt":"Use this"}}`, `POST /configure {"gateway":"gw1","state":"configure","credential":{"type":"oauth","grant":{"type":"authorization_code","pkce":true,"clientId":"cid"}},"definition":{"type":"custom","hosting":{"type":"external","url":"https://mcp.example.com","label":"My MCP"},"logoUrl":"https://example.com/logo.png","prompt":"Use this"}}`},
		},
	})
}
