package provider

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Environment variables read when the matching attribute is not set.
const (
	envOrg        = "P0_ORG"
	envAPIToken   = "P0_API_TOKEN"
	envHost       = "P0_HOST"
	envMaxRetries = "P0_MAX_RETRIES"
	envSkipCheck  = "P0_SKIP_CREDENTIALS_VALIDATION"
)

// providerModel is the provider block.
type providerModel struct {
	Org        types.String `tfsdk:"org"`
	APIToken   types.String `tfsdk:"api_token"`
	Host       types.String `tfsdk:"host"`
	MaxRetries types.Int64  `tfsdk:"max_retries"`
	SkipCheck  types.Bool   `tfsdk:"skip_credentials_validation"`
}

func (p *p0Provider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}

	// A value computed by another resource is unknown until apply. Nothing
	// can be called yet; defer where Terraform allows it, otherwise leave
	// the resources without a client: planning new objects needs none, and
	// the apply configures the provider again with known values.
	if cfg.Org.IsUnknown() || cfg.APIToken.IsUnknown() || cfg.Host.IsUnknown() || cfg.MaxRetries.IsUnknown() || cfg.SkipCheck.IsUnknown() {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
		}
		tflog.Info(ctx, "P0 provider configuration is not yet known; the API client will be configured during apply")
		return
	}

	clientCfg, diags := p.clientConfig(cfg)
	resp.Diagnostics.Append(diags...)
	skipCheck, diags := skipCredentialsCheck(cfg.SkipCheck)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := p0.NewClient(clientCfg)
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("host"), "Invalid P0 Provider Configuration",
			fmt.Sprintf("The P0 API client could not be set up: %s.", err))
		return
	}
	tflog.Debug(ctx, "configured P0 API client", map[string]any{"org": clientCfg.Org, "host": clientCfg.Host, "max_retries": clientCfg.MaxRetries})
	if !skipCheck {
		checkCredentials(ctx, client, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}

	data := &framework.ProviderData{Client: client, Version: p.version}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.EphemeralResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

// clientConfig merges the provider block with the environment (the block
// wins) and reports every missing or malformed setting against its attribute.
func (p *p0Provider) clientConfig(cfg providerModel) (p0.Config, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := p0.Config{
		Org:        stringOrEnv(cfg.Org, envOrg),
		Token:      stringOrEnv(cfg.APIToken, envAPIToken),
		Host:       stringOrEnv(cfg.Host, envHost),
		MaxRetries: p0.DefaultMaxRetries,
		UserAgent:  fmt.Sprintf("terraform-provider-p0/%s", p.version),
		Logger:     tflogLogger{},
	}
	if out.Host == "" {
		out.Host = p0.DefaultHost
	}

	if out.Org == "" {
		diags.AddAttributeError(path.Root("org"), "Missing P0 Organization",
			"The provider needs the P0 organization id. Set org in the provider block or the "+envOrg+" environment variable.")
	}
	if out.Token == "" {
		diags.AddAttributeError(path.Root("api_token"), "Missing P0 API Token",
			"The provider needs a P0 API key. Set api_token in the provider block or the "+envAPIToken+" environment variable.")
	}
	if _, err := p0.ParseHost(out.Host); err != nil {
		diags.AddAttributeError(path.Root("host"), "Invalid P0 Host", fmt.Sprintf("%s.", err))
	}

	switch {
	case !cfg.MaxRetries.IsNull():
		out.MaxRetries = int(cfg.MaxRetries.ValueInt64())
	case os.Getenv(envMaxRetries) != "":
		n, err := strconv.Atoi(os.Getenv(envMaxRetries))
		if err != nil || n < 0 || n > 20 {
			diags.AddAttributeError(path.Root("max_retries"), "Invalid P0 Maximum Retries",
				fmt.Sprintf("The %s environment variable must be a whole number from 0 to 20, got %q.", envMaxRetries, os.Getenv(envMaxRetries)))
		} else {
			out.MaxRetries = n
		}
	}

	// The token lives only in the client; log entries are masked with it.
	out.Logger = tflogLogger{secret: out.Token}
	if p.tuneClient != nil {
		p.tuneClient(&out)
	}
	return out, diags
}

// skipCredentialsCheck is skip_credentials_validation, or its environment
// variable.
func skipCredentialsCheck(v types.Bool) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !v.IsNull() {
		return v.ValueBool(), diags
	}
	text := os.Getenv(envSkipCheck)
	if text == "" {
		return false, diags
	}
	skip, err := strconv.ParseBool(text)
	if err != nil {
		diags.AddAttributeError(path.Root("skip_credentials_validation"), "Invalid P0 Credentials Check Setting",
			fmt.Sprintf("The %s environment variable must be true or false, got %q.", envSkipCheck, text))
	}
	return skip, diags
}

// stringOrEnv returns the attribute's value, or the environment variable
// when the attribute is null.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}
