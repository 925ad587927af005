// Package provider implements the p0 Terraform provider on
// terraform-plugin-framework.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The objects the provider serves. Each embeds the base of its kind
// (base.go), which gives it its type name, Metadata and Configure; its
// operations are in <name>_resource.go, <name>_data_source.go or
// <name>_ephemeral_resource.go.
type (
	// accessRequestAction submits a just-in-time access request through the
	// Command API when invoked or triggered, never during a plan.
	accessRequestAction struct{ actionBase }

	// accessRequestEphemeralResource submits a just-in-time access request
	// through the Command API while Terraform runs. Being ephemeral, nothing of
	// it is stored in plan or state files.
	accessRequestEphemeralResource struct{ ephemeralBase }

	// awsComponentResource installs one item of an AWS integration component:
	// stage, verify and configure, each skipped when already done.
	awsComponentResource struct{ resourceBase }

	// awsComponentStagedResource stages one item of an AWS integration
	// component (PUT .../config/{component}/{id}) and exposes the metadata P0
	// generates for it: the IAM role the AWS side must create.
	awsComponentStagedResource struct{ resourceBase }

	// awsComponentVerifyAction has P0 verify an installed AWS component item
	// again.
	awsComponentVerifyAction struct{ actionBase }

	// awsComponentListResource lists the installed items of P0's AWS
	// integration, for terraform query.
	awsComponentListResource struct{ resourceBase }

	// awsComponentStagedListResource lists the items of P0's AWS
	// integration that are not installed, for terraform query.
	awsComponentStagedListResource struct{ resourceBase }

	// awsIntegrationDataSource reads every component's items of P0's AWS
	// integration, including the base items P0 creates itself.
	awsIntegrationDataSource struct{ dataSourceBase }

	// expiryOptionResource manages one custom expiry preset through
	// /o/{org}/settings/expiry-options.
	expiryOptionResource struct{ resourceBase }

	// expiryOptionsResetAction resets the expiry options to P0's presets.
	expiryOptionsResetAction struct{ actionBase }

	// expiryOptionListResource lists the organization's expiry options, for
	// terraform query.
	expiryOptionListResource struct{ resourceBase }

	// jitSettingsResource manages the organization's JIT settings, which always
	// exist in P0: creating the resource writes them, deleting it only stops
	// managing them.
	jitSettingsResource struct{ resourceBase }

	// routingRuleResource manages one routing rule through
	// /o/{org}/routing/name/{name}.
	routingRuleResource struct{ resourceBase }

	// routingRuleListResource lists the organization's routing rules, for
	// terraform query.
	routingRuleListResource struct{ resourceBase }

	// routingWorkflowResource manages the whole routing workflow, in order,
	// through GET and POST /o/{org}/routing.
	routingWorkflowResource struct{ resourceBase }

	// routingWorkflowDataSource reads the whole routing configuration, the
	// current version or one named by id.
	routingWorkflowDataSource struct{ dataSourceBase }
)

// NewAccessRequestAction returns the p0_access_request action.
func NewAccessRequestAction() action.Action {
	return &accessRequestAction{actionBase{named("access_request")}}
}

// NewAccessRequestEphemeralResource returns the p0_access_request ephemeral resource.
func NewAccessRequestEphemeralResource() ephemeral.EphemeralResource {
	return &accessRequestEphemeralResource{ephemeralBase{named("access_request")}}
}

// NewAWSComponentResource returns the p0_aws_component resource.
func NewAWSComponentResource() resource.Resource {
	return &awsComponentResource{resourceBase{named("aws_component")}}
}

// NewAWSComponentStagedResource returns the p0_aws_component_staged resource.
func NewAWSComponentStagedResource() resource.Resource {
	return &awsComponentStagedResource{resourceBase{named("aws_component_staged")}}
}

// NewAWSComponentVerifyAction returns the p0_aws_component_verify action.
func NewAWSComponentVerifyAction() action.Action {
	return &awsComponentVerifyAction{actionBase{named("aws_component_verify")}}
}

// NewAWSComponentListResource returns the p0_aws_component list resource.
func NewAWSComponentListResource() list.ListResource {
	return &awsComponentListResource{resourceBase{named("aws_component")}}
}

// NewAWSComponentStagedListResource returns the p0_aws_component_staged list resource.
func NewAWSComponentStagedListResource() list.ListResource {
	return &awsComponentStagedListResource{resourceBase{named("aws_component_staged")}}
}

// NewAWSIntegrationDataSource returns the p0_aws_integration data source.
func NewAWSIntegrationDataSource() datasource.DataSource {
	return &awsIntegrationDataSource{dataSourceBase{named("aws_integration")}}
}

// NewExpiryOptionResource returns the p0_expiry_option resource.
func NewExpiryOptionResource() resource.Resource {
	return &expiryOptionResource{resourceBase{named("expiry_option")}}
}

// NewExpiryOptionsResetAction returns the p0_expiry_options_reset action.
func NewExpiryOptionsResetAction() action.Action {
	return &expiryOptionsResetAction{actionBase{named("expiry_options_reset")}}
}

// NewExpiryOptionListResource returns the p0_expiry_option list resource.
func NewExpiryOptionListResource() list.ListResource {
	return &expiryOptionListResource{resourceBase{named("expiry_option")}}
}

// NewJITSettingsResource returns the p0_jit_settings resource.
func NewJITSettingsResource() resource.Resource {
	return &jitSettingsResource{resourceBase{named("jit_settings")}}
}

// NewRoutingRuleResource returns the p0_routing_rule resource.
func NewRoutingRuleResource() resource.Resource {
	return &routingRuleResource{resourceBase{named("routing_rule")}}
}

// NewRoutingRuleListResource returns the p0_routing_rule list resource.
func NewRoutingRuleListResource() list.ListResource {
	return &routingRuleListResource{resourceBase{named("routing_rule")}}
}

// NewRoutingWorkflowResource returns the p0_routing_workflow resource.
func NewRoutingWorkflowResource() resource.Resource {
	return &routingWorkflowResource{resourceBase{named("routing_workflow")}}
}

// NewRoutingWorkflowDataSource returns the p0_routing_workflow data source.
func NewRoutingWorkflowDataSource() datasource.DataSource {
	return &routingWorkflowDataSource{dataSourceBase{named("routing_workflow")}}
}

// The provider and every object it serves, with the optional interfaces
// each implements. Metadata and Configure come from the objects' bases
// (base.go).
var (
	_ provider.Provider                       = (*p0Provider)(nil)
	_ provider.ProviderWithEphemeralResources = (*p0Provider)(nil)
	_ provider.ProviderWithListResources      = (*p0Provider)(nil)
	_ provider.ProviderWithActions            = (*p0Provider)(nil)

	_ resource.ResourceWithConfigure      = (*routingRuleResource)(nil)
	_ resource.ResourceWithImportState    = (*routingRuleResource)(nil)
	_ resource.ResourceWithIdentity       = (*routingRuleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*routingRuleResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*routingRuleResource)(nil)

	_ resource.ResourceWithConfigure      = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentStagedResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentStagedResource)(nil)

	_ resource.ResourceWithConfigure      = (*awsComponentResource)(nil)
	_ resource.ResourceWithImportState    = (*awsComponentResource)(nil)
	_ resource.ResourceWithIdentity       = (*awsComponentResource)(nil)
	_ resource.ResourceWithValidateConfig = (*awsComponentResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*awsComponentResource)(nil)

	_ resource.ResourceWithConfigure   = (*expiryOptionResource)(nil)
	_ resource.ResourceWithImportState = (*expiryOptionResource)(nil)
	_ resource.ResourceWithIdentity    = (*expiryOptionResource)(nil)

	_ resource.ResourceWithConfigure      = (*jitSettingsResource)(nil)
	_ resource.ResourceWithImportState    = (*jitSettingsResource)(nil)
	_ resource.ResourceWithIdentity       = (*jitSettingsResource)(nil)
	_ resource.ResourceWithValidateConfig = (*jitSettingsResource)(nil)

	_ resource.ResourceWithConfigure      = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithImportState    = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithIdentity       = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithValidateConfig = (*routingWorkflowResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*routingWorkflowResource)(nil)

	_ datasource.DataSourceWithConfigure = (*routingWorkflowDataSource)(nil)
	_ datasource.DataSourceWithConfigure = (*awsIntegrationDataSource)(nil)

	_ list.ListResourceWithConfigure = (*routingRuleListResource)(nil)
	_ list.ListResourceWithConfigure = (*awsComponentListResource)(nil)
	_ list.ListResourceWithConfigure = (*awsComponentStagedListResource)(nil)
	_ list.ListResourceWithConfigure = (*expiryOptionListResource)(nil)

	_ action.ActionWithConfigure      = (*expiryOptionsResetAction)(nil)
	_ action.ActionWithConfigure      = (*accessRequestAction)(nil)
	_ action.ActionWithValidateConfig = (*accessRequestAction)(nil)
	_ action.ActionWithConfigure      = (*awsComponentVerifyAction)(nil)
	_ action.ActionWithValidateConfig = (*awsComponentVerifyAction)(nil)

	_ ephemeral.EphemeralResourceWithConfigure      = (*accessRequestEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithValidateConfig = (*accessRequestEphemeralResource)(nil)
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

func (p *p0Provider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewRoutingRuleResource,
		NewAWSComponentStagedResource,
		NewAWSComponentResource,
		NewExpiryOptionResource,
		NewJITSettingsResource,
		NewRoutingWorkflowResource,
	}
}

func (p *p0Provider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewRoutingWorkflowDataSource,
		NewAWSIntegrationDataSource,
	}
}

func (p *p0Provider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		NewAccessRequestEphemeralResource,
	}
}

// ListResources are the list resources of terraform query (Terraform
// 1.14+), one for each resource that an organization may hold many of.
func (p *p0Provider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		NewRoutingRuleListResource,
		NewAWSComponentStagedListResource,
		NewAWSComponentListResource,
		NewExpiryOptionListResource,
	}
}

// Actions are what a configuration can invoke or trigger (Terraform 1.14+).
func (p *p0Provider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		NewExpiryOptionsResetAction,
		NewAccessRequestAction,
		NewAWSComponentVerifyAction,
	}
}
