package auditlogs

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var (
	splunk  = install.Component{Integration: "splunk", Key: "audit-log", What: "Splunk audit logs"}
	datadog = install.Component{Integration: "datadog", Key: "audit-log", What: "Datadog audit logs"}
)

// secretAttribute is a secret the configuration gives and P0 never sends
// back: sensitive, kept in state as configured, and replacing the
// collector when it changes, as P0's own provider does; but not after an
// import, which cannot read it: the next apply sends it in place.
func secretAttribute(description string, validators ...validator.String) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description + " Sensitive: never shown or logged. P0 keeps only its hash, so the state " +
			"keeps the configured value; an import leaves it empty, and the next apply sends it. Changing it replaces the resource.",
		Required: true, Sensitive: true, Validators: validators,
		PlanModifiers: []planmodifier.String{replacedOnceKnown},
	}
}

// replacedOnceKnown replaces the collector when its secret changes, and
// sends a secret the state does not know yet (after an import) in place.
var replacedOnceKnown = stringplanmodifier.RequiresReplaceIf(
	func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = !req.StateValue.IsNull()
	},
	"If the value of this attribute changes, Terraform will destroy and recreate the resource; a value the state does not hold yet (after an import) is sent in place.",
	"If the value of this attribute changes, Terraform will destroy and recreate the resource; a value the state does not hold yet (after an import) is sent in place.")

// secretBody is a secret as P0 takes it: {"clearText": ...}. P0 answers
// with its hash in place of the secret.
func secretBody(b *install.Body, name string, secret types.String) *install.Body {
	return b.Object(name, func(s *install.Body) { s.String("clearText", secret, install.Omit).Owns("hash") })
}

// splunkModel is p0_splunk_audit_logs's state.
type splunkModel struct {
	TokenID           types.String `tfsdk:"token_id"`
	HECEndpoint       types.String `tfsdk:"hec_endpoint"`
	HECTokenCleartext types.String `tfsdk:"hec_token_cleartext"`
	HECTokenHash      types.String `tfsdk:"hec_token_hash"`
	Index             types.String `tfsdk:"index"`
	State             types.String `tfsdk:"state"`
}

func (m splunkModel) Identity() framework.Identity { return install.TokenIdentity{TokenID: m.TokenID} }

var splunkSpec = install.InstalledSpec[splunkModel]{
	Spec: install.Spec[splunkModel]{
		Title: "Splunk Audit Logs",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's audit-log collector for Splunk in one step, through an HTTP Event " +
					"Collector: stages, verifies (waiting while Splunk takes the token) and configures the item. Changing " +
					"the endpoint or index reconfigures it in place. Destroying it removes the item.",
				Attributes: map[string]schema.Attribute{
					"token_id":            install.Key("The HEC token's name in Splunk. Changing it replaces the resource."),
					"hec_endpoint":        install.Required("The HTTP Event Collector's URL.", install.HTTPS),
					"hec_token_cleartext": secretAttribute("The HEC token.", install.UUID),
					"hec_token_hash":      install.Computed("The hash of the token, which P0 keeps in its place."),
					"index":               install.Optional("The Splunk index the logs go to; the token's default index when unset."),
					"state":               install.State(true),
				},
			}
		},
		IdentitySchema: install.IdentitySchema("token_id", "The HEC token's name in Splunk."),
		Describe:       func(m splunkModel) string { return splunk.Describe(m.TokenID) },
		Ref:            func(m splunkModel) p0.ItemRef { return splunk.Ref(m.TokenID) },
		Import:         func(id string) (splunkModel, error) { return splunkModel{TokenID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		Secrets:        func(m splunkModel) []string { return []string{m.HECTokenCleartext.ValueString()} },
		Read: func(m splunkModel, item, _ install.Fields) splunkModel {
			m.HECEndpoint, m.Index, m.State = item.String("endpoint"), item.String("index"), item.String("state")
			m.HECTokenHash = item.Object("token").String("hash")
			return m
		},
	},
	ConfigureBody: func(m splunkModel) *install.Body {
		b := install.NewBody().String("index", m.Index, install.Omit).String("endpoint", m.HECEndpoint, install.Omit)
		return secretBody(b, "token", m.HECTokenCleartext)
	},
	State:     func(m splunkModel) string { return m.State.ValueString() },
	Uninstall: install.DeleteItem,
}

// datadogModel is p0_datadog_audit_logs's state.
type datadogModel struct {
	Identifier      types.String `tfsdk:"identifier"`
	IntakeURL       types.String `tfsdk:"intake_url"`
	APIKeyCleartext types.String `tfsdk:"api_key_cleartext"`
	APIKeyHash      types.String `tfsdk:"api_key_hash"`
	Service         types.String `tfsdk:"service"`
	State           types.String `tfsdk:"state"`
}

func (m datadogModel) Identity() framework.Identity {
	return install.IdentifierIdentity{Identifier: m.Identifier}
}

var datadogSpec = install.InstalledSpec[datadogModel]{
	Spec: install.Spec[datadogModel]{
		Title: "Datadog Audit Logs",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's audit-log collector for Datadog in one step: stages, verifies (waiting " +
					"while Datadog takes the key) and configures the item. Changing the service reconfigures it in place. " +
					"Destroying it removes the item.",
				Attributes: map[string]schema.Attribute{
					"identifier": install.Key("The collector's name in P0, which you choose. Changing it replaces the resource."),
					"intake_url": install.Key("The Datadog logs intake URL, `https://http-intake.logs.<site>`. Changing it "+
						"replaces the resource.", install.DatadogIntake),
					"api_key_cleartext": secretAttribute("The Datadog API key."),
					"api_key_hash":      install.Computed("The hash of the key, which P0 keeps in its place."),
					"service":           install.Optional("The service the logs are tagged with; P0 uses `p0` when unset."),
					"state":             install.State(true),
				},
			}
		},
		IdentitySchema: install.IdentitySchema("identifier", "The collector's name in P0."),
		Describe:       func(m datadogModel) string { return datadog.Describe(m.Identifier) },
		Ref:            func(m datadogModel) p0.ItemRef { return datadog.Ref(m.Identifier) },
		Import:         func(id string) (datadogModel, error) { return datadogModel{Identifier: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		Secrets:        func(m datadogModel) []string { return []string{m.APIKeyCleartext.ValueString()} },
		Read: func(m datadogModel, item, _ install.Fields) datadogModel {
			m.IntakeURL, m.Service, m.State = item.String("endpoint"), item.String("service"), item.String("state")
			m.APIKeyHash = item.Object("apiKey").String("hash")
			return m
		},
	},
	ConfigureBody: func(m datadogModel) *install.Body {
		b := install.NewBody().String("endpoint", m.IntakeURL, install.Omit)
		return secretBody(b, "apiKey", m.APIKeyCleartext).String("service", m.Service, install.Omit)
	},
	State:     func(m datadogModel) string { return m.State.ValueString() },
	Uninstall: install.DeleteItem,
}

// NewSplunkResource returns the p0_splunk_audit_logs resource.
func NewSplunkResource() resource.Resource {
	return install.NewInstalled[splunkModel, install.TokenIdentity]("splunk_audit_logs", splunkSpec)
}

// NewDatadogResource returns the p0_datadog_audit_logs resource.
func NewDatadogResource() resource.Resource {
	return install.NewInstalled[datadogModel, install.IdentifierIdentity]("datadog_audit_logs", datadogSpec)
}

// NewSplunkListResource returns the p0_splunk_audit_logs list resource.
func NewSplunkListResource() list.ListResource {
	return install.NewList("splunk_audit_logs", install.ListOf(splunk, splunkSpec.Spec, true))
}

// NewDatadogListResource returns the p0_datadog_audit_logs list resource.
func NewDatadogListResource() list.ListResource {
	return install.NewList("datadog_audit_logs", install.ListOf(datadog, datadogSpec.Spec, true))
}
