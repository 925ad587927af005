package agentic

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// A gateway, staged (P0 generates the service account it must trust) and
// then installed with its OAuth endpoint. Its fields mix kebab-case and
// camelCase, as P0 names them.

// gatewayStagedModel is p0_agentic_gateway_staged's state.
type gatewayStagedModel struct {
	ID                  types.String `tfsdk:"id"`
	URL                 types.String `tfsdk:"url"`
	ServiceAccountEmail types.String `tfsdk:"service_account_email"`
	State               types.String `tfsdk:"state"`
}

func (m gatewayStagedModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// gatewayModel is p0_agentic_gateway's state.
type gatewayModel struct {
	ID                  types.String `tfsdk:"id"`
	URL                 types.String `tfsdk:"url"`
	OAuthEndpoint       types.String `tfsdk:"oauth_endpoint"`
	LogProjectID        types.String `tfsdk:"log_project_id"`
	ServiceAccountEmail types.String `tfsdk:"service_account_email"`
	State               types.String `tfsdk:"state"`
}

func (m gatewayModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

var serviceAccountAttribute = install.Computed("The email of the Google service account P0 acts as, which the gateway must trust.")

var gatewayStagedSpec = install.Spec[gatewayStagedModel]{
	Title: "Staged Agentic Gateway",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages an agentic gateway in P0, and exposes the service account P0 acts as, which the " +
				"gateway must trust. Then install it with `p0_agentic_gateway`. The integration's root is created when it is missing.",
			Attributes: map[string]schema.Attribute{
				"id":                    idAttribute,
				"url":                   install.Key("The gateway's URL. Changing it replaces the resource.", install.URL),
				"service_account_email": serviceAccountAttribute,
				"state":                 install.State(false),
			},
		}
	},
	IdentitySchema: idIdentitySchema,
	Describe:       func(m gatewayStagedModel) string { return gateway.Describe(m.ID) },
	Ref:            func(m gatewayStagedModel) p0.ItemRef { return gateway.Ref(m.ID) },
	Import:         func(id string) (gatewayStagedModel, error) { return gatewayStagedModel{ID: types.StringValue(id)}, nil },
	EnsureRoot:     true,
	StageBody: func(m gatewayStagedModel) any {
		return install.NewBody().String("url", m.URL, install.Omit).Owns("serviceAccountEmail")
	},
	Read: func(m gatewayStagedModel, item, _ install.Fields) gatewayStagedModel {
		m.URL, m.ServiceAccountEmail, m.State = item.String("url"), item.String("serviceAccountEmail"), item.String("state")
		return m
	},
}

var gatewaySpec = install.InstalledSpec[gatewayModel]{
	Spec: install.Spec[gatewayModel]{
		Title: "Agentic Gateway",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs an agentic gateway that `p0_agentic_gateway_staged` staged, once it trusts " +
					"P0's service account: P0 verifies it, waiting while it comes up. Changing the endpoint or log project " +
					"reconfigures it in place. Destroying it puts the item back in stage, where the staged resource keeps it.",
				Attributes: map[string]schema.Attribute{
					"id":                    idAttribute,
					"url":                   install.Required("The gateway's URL.", install.URL),
					"oauth_endpoint":        install.Required("The URL of the gateway's OAuth endpoint.", install.URL),
					"log_project_id":        install.Optional("The GCP project the gateway logs to."),
					"service_account_email": serviceAccountAttribute,
					"state":                 install.State(true),
				},
			}
		},
		IdentitySchema: idIdentitySchema,
		Describe:       func(m gatewayModel) string { return gateway.Describe(m.ID) },
		Ref:            func(m gatewayModel) p0.ItemRef { return gateway.Ref(m.ID) },
		Import:         func(id string) (gatewayModel, error) { return gatewayModel{ID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		StageBody:      func(m gatewayModel) any { return install.NewBody().String("url", m.URL, install.Omit) },
		Read: func(m gatewayModel, item, _ install.Fields) gatewayModel {
			m.URL, m.OAuthEndpoint, m.LogProjectID = item.String("url"), item.String("oauth-endpoint"), item.String("log-project-id")
			m.ServiceAccountEmail, m.State = item.String("serviceAccountEmail"), item.String("state")
			return m
		},
	},
	ConfigureBody: func(m gatewayModel) *install.Body {
		return install.NewBody().
			String("url", m.URL, install.Omit).
			String("oauth-endpoint", m.OAuthEndpoint, install.Omit).
			String("log-project-id", m.LogProjectID, install.Omit).
			Set("state", p0.StateConfigure).
			Owns("serviceAccountEmail")
	},
	State:      func(m gatewayModel) string { return m.State.ValueString() },
	StagedType: "p0_agentic_gateway_staged",
}

// NewGatewayStagedResource returns the p0_agentic_gateway_staged resource.
func NewGatewayStagedResource() resource.Resource {
	return install.NewStaged[gatewayStagedModel, install.IDIdentity]("agentic_gateway_staged", gatewayStagedSpec)
}

// NewGatewayResource returns the p0_agentic_gateway resource.
func NewGatewayResource() resource.Resource {
	return install.NewInstalled[gatewayModel, install.IDIdentity]("agentic_gateway", gatewaySpec)
}

// NewGatewayStagedListResource returns the p0_agentic_gateway_staged list resource.
func NewGatewayStagedListResource() list.ListResource {
	return install.NewList("agentic_gateway_staged", install.ListOf(gateway, gatewayStagedSpec, false))
}

// NewGatewayListResource returns the p0_agentic_gateway list resource.
func NewGatewayListResource() list.ListResource {
	return install.NewList("agentic_gateway", install.ListOf(gateway, gatewaySpec.Spec, true))
}
