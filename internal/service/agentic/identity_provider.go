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

// An identity provider whose agents P0 admits, installed in one step: P0
// takes its issuer when it is staged, and the patterns that say which of
// its tokens it admits when it is configured (which sends the issuer back
// as P0 holds it, as it sends back every field it does not manage).

// identityProviderModel is p0_agentic_identity_provider's state.
type identityProviderModel struct {
	ID                  types.String `tfsdk:"id"`
	Issuer              types.String `tfsdk:"issuer"`
	AudiencePattern     types.String `tfsdk:"audience_pattern"`
	SubjectPattern      types.String `tfsdk:"subject_pattern"`
	DynamicRegistration types.Bool   `tfsdk:"dynamic_registration"`
	State               types.String `tfsdk:"state"`
}

func (m identityProviderModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

var identityProviderSpec = install.InstalledSpec[identityProviderModel]{
	Spec: install.Spec[identityProviderModel]{
		Title: "Agentic Identity Provider",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs an identity provider whose agents P0 admits, in one step: stages its issuer, " +
					"verifies (waiting while it comes up) and configures which tokens it admits. Changing the patterns " +
					"reconfigures it in place. Destroying it removes the item.",
				Attributes: map[string]schema.Attribute{
					"id":                   idAttribute,
					"issuer":               install.Key("The issuer URL of the provider's tokens. Changing it replaces the resource.", install.URL),
					"audience_pattern":     install.Optional("The pattern the audience of an admitted token matches, for example `p0-*`."),
					"subject_pattern":      install.Optional("The pattern the subject of an admitted token matches, for example `repo:org/*`."),
					"dynamic_registration": schema.BoolAttribute{MarkdownDescription: "Whether agents may register dynamically.", Optional: true},
					"state":                install.State(true),
				},
			}
		},
		IdentitySchema: idIdentitySchema,
		Describe:       func(m identityProviderModel) string { return identityProvider.Describe(m.ID) },
		Ref:            func(m identityProviderModel) p0.ItemRef { return identityProvider.Ref(m.ID) },
		Import: func(id string) (identityProviderModel, error) {
			return identityProviderModel{ID: types.StringValue(id)}, nil
		},
		EnsureRoot: true,
		StageBody: func(m identityProviderModel) any {
			return install.NewBody().String("issuer", m.Issuer, install.Omit)
		},
		Read: func(m identityProviderModel, item, _ install.Fields) identityProviderModel {
			m.Issuer, m.AudiencePattern, m.SubjectPattern = item.String("issuer"), item.String("audiencePattern"), item.String("subjectPattern")
			m.DynamicRegistration, m.State = item.Bool("dynamicRegistration"), item.String("state")
			return m
		},
	},
	ConfigureBody: func(m identityProviderModel) *install.Body {
		return install.NewBody().
			String("audiencePattern", m.AudiencePattern, install.Omit).
			String("subjectPattern", m.SubjectPattern, install.Omit).
			Bool("dynamicRegistration", m.DynamicRegistration, install.Omit).
			Set("state", p0.StateConfigure)
	},
	State:     func(m identityProviderModel) string { return m.State.ValueString() },
	Uninstall: install.DeleteItem,
}

// NewIdentityProviderResource returns the p0_agentic_identity_provider resource.
func NewIdentityProviderResource() resource.Resource {
	return install.NewInstalled[identityProviderModel, install.IDIdentity]("agentic_identity_provider", identityProviderSpec)
}

// NewIdentityProviderListResource returns the p0_agentic_identity_provider list resource.
func NewIdentityProviderListResource() list.ListResource {
	return install.NewList("agentic_identity_provider", install.ListOf(identityProvider, identityProviderSpec.Spec, true))
}
