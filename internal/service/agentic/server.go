package agentic

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// An MCP server behind a gateway, installed in one step: P0 takes its
// gateway when it is staged, and how agents reach it (its credential and
// definition) when it is configured.

// serverModel is p0_agentic_server's state.
type serverModel struct {
	ID         types.String     `tfsdk:"id"`
	Gateway    types.String     `tfsdk:"gateway"`
	Credential *credentialModel `tfsdk:"credential"`
	Definition *definitionModel `tfsdk:"definition"`
	State      types.String     `tfsdk:"state"`
}

func (m serverModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// credentialModel is how the server's agents get their credentials: from
// an OIDC identity P0 federates (aws, gcp), or by OAuth.
type credentialModel struct {
	Type     types.String `tfsdk:"type"`
	Provider types.String `tfsdk:"provider"`
	Grant    *grantModel  `tfsdk:"grant"`
}

type grantModel struct {
	Type     types.String `tfsdk:"type"`
	PKCE     types.Bool   `tfsdk:"pkce"`
	ClientID types.String `tfsdk:"client_id"`
}

// definitionModel is what the server is: one P0 defines (p0), or one of
// the user's own (custom), hosted in a container or elsewhere.
type definitionModel struct {
	Type    types.String  `tfsdk:"type"`
	ID      types.String  `tfsdk:"id"`
	Hosting *hostingModel `tfsdk:"hosting"`
	LogoURL types.String  `tfsdk:"logo_url"`
	Prompt  types.String  `tfsdk:"prompt"`
}

type hostingModel struct {
	Type       types.String `tfsdk:"type"`
	Entrypoint types.String `tfsdk:"entrypoint"`
	Image      types.String `tfsdk:"image"`
	URL        types.String `tfsdk:"url"`
	Label      types.String `tfsdk:"label"`
}

// serverBody is how agents reach the server, each field sent where set.
func serverBody(m serverModel) *install.Body {
	b := install.NewBody()
	if c := m.Credential; c != nil {
		b.Object("credential", func(cb *install.Body) {
			cb.String("type", c.Type, install.Omit).String("provider", c.Provider, install.Omit)
			cb.OptionalObject("grant", c.Grant != nil, install.Omit, func(g *install.Body) {
				g.String("type", c.Grant.Type, install.Omit).Bool("pkce", c.Grant.PKCE, install.Omit).String("clientId", c.Grant.ClientID, install.Omit)
			})
		})
	}
	if d := m.Definition; d != nil {
		b.Object("definition", func(db *install.Body) {
			db.String("type", d.Type, install.Omit).String("id", d.ID, install.Omit)
			db.OptionalObject("hosting", d.Hosting != nil, install.Omit, func(h *install.Body) {
				h.String("type", d.Hosting.Type, install.Omit).String("entrypoint", d.Hosting.Entrypoint, install.Omit).
					String("image", d.Hosting.Image, install.Omit).String("url", d.Hosting.URL, install.Omit).
					String("label", d.Hosting.Label, install.Omit)
			})
			db.String("logoUrl", d.LogoURL, install.Omit).String("prompt", d.Prompt, install.Omit)
		})
	}
	return b.Set("state", p0.StateConfigure)
}

// readServer is m as P0 holds its item.
func readServer(m serverModel, item, _ install.Fields) serverModel {
	m.Gateway, m.State = item.String("gateway"), item.String("state")
	m.Credential, m.Definition = nil, nil
	if c := item.Object("credential"); c.Present() {
		m.Credential = &credentialModel{Type: c.String("type"), Provider: c.String("provider")}
		if g := c.Object("grant"); g.Present() {
			m.Credential.Grant = &grantModel{Type: g.String("type"), PKCE: g.Bool("pkce"), ClientID: g.String("clientId")}
		}
	}
	if d := item.Object("definition"); d.Present() {
		m.Definition = &definitionModel{Type: d.String("type"), ID: d.String("id"), LogoURL: d.String("logoUrl"), Prompt: d.String("prompt")}
		if h := d.Object("hosting"); h.Present() {
			m.Definition.Hosting = &hostingModel{Type: h.String("type"), Entrypoint: h.String("entrypoint"), Image: h.String("image"),
				URL: h.String("url"), Label: h.String("label")}
		}
	}
	return m
}

// validateServer checks what each type needs: a missing attribute is an
// error; one set where the type gives it no meaning is a warning, since
// P0 may take it.
func validateServer(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	credential, definition := path.Root("credential"), path.Root("definition")
	hosting := definition.AtName("hosting")
	byType := func(at path.Path, checks map[string]func(string)) {
		typ := framework.StringAt(ctx, config, at.AtName("type"))
		if check, ok := checks[typ.ValueString()]; ok && framework.Known(typ) {
			check(typ.ValueString())
		}
	}
	need := func(at path.Path, kind string) func(string) {
		return func(typ string) {
			framework.RequireOrForbid(ctx, config, diags, at, true, "A "+kind+" of type "+typ+" needs "+at.String(), "")
		}
	}
	meaningless := func(typ string, paths ...path.Path) {
		for _, p := range paths {
			framework.WarnMeaningless(ctx, config, diags, p, p.String()+" has a meaning for other types than "+typ)
		}
	}
	federated := func(typ string) {
		need(credential.AtName("provider"), "credential")(typ)
		meaningless(typ, credential.AtName("grant"))
	}
	byType(credential, map[string]func(string){
		"aws": federated, "gcp": federated,
		"oauth": func(typ string) {
			need(credential.AtName("grant"), "credential")(typ)
			meaningless(typ, credential.AtName("provider"))
		},
	})
	byType(definition, map[string]func(string){
		"p0": func(typ string) {
			need(definition.AtName("id"), "definition")(typ)
			meaningless(typ, hosting, definition.AtName("logo_url"), definition.AtName("prompt"))
		},
		"custom": func(typ string) {
			need(hosting, "definition")(typ)
			meaningless(typ, definition.AtName("id"))
		},
	})
	byType(hosting, map[string]func(string){
		"container": func(typ string) {
			need(hosting.AtName("image"), "hosting")(typ)
			meaningless(typ, hosting.AtName("url"), hosting.AtName("label"))
		},
		"external": func(typ string) {
			need(hosting.AtName("url"), "hosting")(typ)
			meaningless(typ, hosting.AtName("entrypoint"), hosting.AtName("image"))
		},
	})
}

func serverSchema(context.Context) schema.Schema {
	optional := install.Optional
	return schema.Schema{
		MarkdownDescription: "Installs an MCP server behind an agentic gateway, in one step: stages it on its gateway, " +
			"verifies (waiting while it comes up) and configures how agents reach it. Changing the credential or " +
			"definition reconfigures it in place. Destroying it removes the item.",
		Attributes: map[string]schema.Attribute{
			"id":      idAttribute,
			"gateway": install.Key("The id of the gateway the server is behind (`p0_agentic_gateway`'s). Changing it replaces the resource."),
			"credential": schema.SingleNestedAttribute{MarkdownDescription: "How the server's agents get credentials.", Required: true,
				Attributes: map[string]schema.Attribute{
					"type": install.Required("`aws` or `gcp`, from an OIDC identity P0 federates; or `oauth`.",
						stringvalidator.OneOf("aws", "gcp", "oauth")),
					"provider": optional("For `aws` and `gcp`: the id of the `p0_aws_oidc_identity` or `p0_gcp_wif_identity`."),
					"grant": schema.SingleNestedAttribute{MarkdownDescription: "For `oauth`: the OAuth grant.", Optional: true,
						Attributes: map[string]schema.Attribute{
							"type":      install.Required("The grant type: `authorization_code`."),
							"pkce":      schema.BoolAttribute{MarkdownDescription: "Whether the grant uses PKCE.", Optional: true},
							"client_id": optional("The OAuth client ID."),
						}},
				}},
			"definition": schema.SingleNestedAttribute{MarkdownDescription: "What the server is.", Required: true,
				Attributes: map[string]schema.Attribute{
					"type": install.Required("`p0` for a server P0 defines, `custom` for your own.", stringvalidator.OneOf("p0", "custom")),
					"id":   optional("For `p0`: the id of P0's server, for example `aws-api`."),
					"hosting": schema.SingleNestedAttribute{MarkdownDescription: "For `custom`: where the server runs.", Optional: true,
						Attributes: map[string]schema.Attribute{
							"type":       install.Required("`container`, run by the gateway, or `external`.", stringvalidator.OneOf("container", "external")),
							"entrypoint": optional("For `container`: the command it runs, with `{{ creds }}` for the credentials."),
							"image":      optional("For `container`: the image."),
							"url":        optional("For `external`: the server's URL."),
							"label":      optional("For `external`: its display name."),
						}},
					"logo_url": optional("For `custom`: the URL of the server's logo."),
					"prompt":   optional("For `custom`: the prompt that tells agents what the server is for."),
				}},
			"state": install.State(true),
		},
	}
}

var serverSpec = install.InstalledSpec[serverModel]{
	Spec: install.Spec[serverModel]{
		Title:          "Agentic Server",
		Schema:         serverSchema,
		IdentitySchema: idIdentitySchema,
		Validate:       validateServer,
		Describe:       func(m serverModel) string { return server.Describe(m.ID) },
		Ref:            func(m serverModel) p0.ItemRef { return server.Ref(m.ID) },
		Import:         func(id string) (serverModel, error) { return serverModel{ID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		StageBody:      func(m serverModel) any { return install.NewBody().String("gateway", m.Gateway, install.Omit) },
		Read:           readServer,
	},
	ConfigureBody: serverBody,
	State:         func(m serverModel) string { return m.State.ValueString() },
	Uninstall:     install.DeleteItem,
}

// NewServerResource returns the p0_agentic_server resource.
func NewServerResource() resource.Resource {
	return install.NewInstalled[serverModel, install.IDIdentity]("agentic_server", serverSpec)
}

// NewServerListResource returns the p0_agentic_server list resource.
func NewServerListResource() list.ListResource {
	return install.NewList("agentic_server", install.ListOf(server, serverSpec.Spec, true))
}
