// Package provider implements the p0 Terraform provider on
// terraform-plugin-framework.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The provider and the optional interfaces it implements.
var (
	_ provider.Provider                       = (*p0Provider)(nil)
	_ provider.ProviderWithEphemeralResources = (*p0Provider)(nil)
	_ provider.ProviderWithListResources      = (*p0Provider)(nil)
	_ provider.ProviderWithActions            = (*p0Provider)(nil)
)

// p0Provider is the provider itself. Resources receive its *p0.Client
// through ProviderData.
type p0Provider struct {
	version string
	commit  string
	// tuneClient lets tests shorten retry waits; nil in production.
	tuneClient func(*p0.Config)
}

// Option adjusts a provider built by New.
type Option func(*p0Provider)

// New returns a constructor for the provider, as providerserver expects.
func New(version, commit string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		p := &p0Provider{version: version, commit: commit}
		for _, opt := range opts {
			opt(p)
		}
		return p
	}
}

// Tuned is the provider of tests, its client's configuration changed by
// tune after the provider has built it (see WithClientConfig).
func Tuned(tune func(*p0.Config)) func() provider.Provider {
	return New("test", "test", WithClientConfig(tune))
}

// WithClientConfig lets a caller adjust the API client's configuration after
// the provider has built it from its attributes; tests use it to shorten
// retry waits.
func WithClientConfig(tune func(*p0.Config)) Option {
	return func(p *p0Provider) { p.tuneClient = tune }
}

func (p *p0Provider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "p0"
	resp.Version = p.version
}

func (p *p0Provider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages P0 Security's just-in-time access platform: the AWS integration's " +
			"components, routing rules and JIT settings.",
		Attributes: map[string]schema.Attribute{
			"org": schema.StringAttribute{
				MarkdownDescription: "P0 organization id. Required here or through the `P0_ORG` environment variable.",
				Optional:            true,
			},
			"api_token": schema.StringAttribute{
				MarkdownDescription: "P0 API key, sent as a bearer token. Required here or through the " +
					"`P0_API_TOKEN` environment variable. Sensitive: never logged or shown.",
				Optional:  true,
				Sensitive: true,
			},
			"host": schema.StringAttribute{
				MarkdownDescription: "Base URL of the P0 API. Defaults to `" + p0.DefaultHost + "`, or the " +
					"`P0_HOST` environment variable. A trailing slash is tolerated. `http://` is refused " +
					"unless the host is loopback (`127.0.0.0/8`, `localhost`, `[::1]`).",
				Optional: true,
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a request is retried after throttling (429), server errors " +
					"(5xx) or network failures, with capped exponential backoff and jitter that honours " +
					"`Retry-After`; an access request only after 429, 503 or a failure to connect, so that it is never " +
					"made twice. Defaults to `5`, or the `P0_MAX_RETRIES` environment variable.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 20)},
			},
			"skip_credentials_validation": schema.BoolAttribute{
				MarkdownDescription: "Skip the check of the API key and the organization that the provider " +
					"makes once per run when it is configured (one read of the routing, which the resources' " +
					"own reads then share). With the check, `terraform plan` fails at once on a key P0 refuses " +
					"(401), even when nothing else would be read, and warns when P0 refuses the organization " +
					"(403: the key may be scoped to other objects). Defaults to `false`, or the " +
					"`P0_SKIP_CREDENTIALS_VALIDATION` environment variable (`true` or `false`).",
				Optional: true,
			},
		},
	}
}
