package gcp

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

// P0's GCP workload identity federation: an OIDC provider (a CI system's,
// say) whose workloads P0 lets into a GCP project through a pool P0
// manages. The identity, named by the user, is staged (P0 generates the
// pool provider's audience), then installed.

var wif = install.Component{Integration: "gcp-wif", Key: "identity", What: "GCP workload identity"}

// wifModel is the state of both workload identity resources.
type wifModel struct {
	ID              types.String `tfsdk:"id"`
	ProjectID       types.String `tfsdk:"project_id"`
	OIDCProviderURL types.String `tfsdk:"oidc_provider_url"`
	Audience        types.String `tfsdk:"audience"`
	State           types.String `tfsdk:"state"`
}

func (m wifModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// readWIF is m as P0 holds its item.
func readWIF(m wifModel, item, _ install.Fields) wifModel {
	m.ProjectID, m.OIDCProviderURL, m.Audience = item.String("projectId"), item.String("oidcProviderUrl"), item.String("audience")
	m.State = item.String("state")
	return m
}

// wifBody is the identity's settings, which P0 takes only when it is
// created.
func wifBody(m wifModel) *install.Body {
	return install.NewBody().String("projectId", m.ProjectID, install.Omit).String("oidcProviderUrl", m.OIDCProviderURL, install.Omit).Owns("audience")
}

// wifAttributes are both resources' attributes; changing forces
// replacement of the settings in the staged one.
func wifAttributes(staged bool) map[string]schema.Attribute {
	setting := install.Required
	if staged {
		setting = install.Key
	}
	return map[string]schema.Attribute{
		"id":                install.Key("The identity's name in P0, which you choose. Changing it replaces the resource."),
		"project_id":        setting("The GCP project of the workload identity pool.", install.GCPProjectID),
		"oidc_provider_url": setting("The issuer URL of the OIDC provider, for example `https://token.actions.githubusercontent.com`."),
		"audience":          install.Computed("The full name of the pool provider P0 generates, the audience its tokens must have."),
		"state":             install.State(!staged),
	}
}

var wifIdentitySchema = install.IdentitySchema("id", "The identity's name in P0.")

// NewWIFIdentityStagedResource returns the p0_gcp_wif_identity_staged resource.
func NewWIFIdentityStagedResource() resource.Resource {
	return install.NewStaged[wifModel, install.IDIdentity]("gcp_wif_identity_staged", wifStagedSpec)
}

// NewWIFIdentityResource returns the p0_gcp_wif_identity resource.
func NewWIFIdentityResource() resource.Resource {
	return install.NewInstalled[wifModel, install.IDIdentity]("gcp_wif_identity", wifSpec)
}

// NewWIFIdentityStagedListResource returns the p0_gcp_wif_identity_staged list resource.
func NewWIFIdentityStagedListResource() list.ListResource {
	return install.NewList("gcp_wif_identity_staged", install.ListOf(wif, wifStagedSpec, false))
}

// NewWIFIdentityListResource returns the p0_gcp_wif_identity list resource.
func NewWIFIdentityListResource() list.ListResource {
	return install.NewList("gcp_wif_identity", install.ListOf(wif, wifSpec.Spec, true))
}

var wifStagedSpec = install.Spec[wifModel]{
	Title: "Staged GCP Workload Identity",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages a workload identity federation of an OIDC provider into a GCP project, and exposes " +
				"the audience of the pool provider P0 generates. Install it with `p0_gcp_wif_identity`. The integration's " +
				"root is created when it is missing.",
			Attributes: wifAttributes(true),
		}
	},
	IdentitySchema: wifIdentitySchema,
	Describe:       func(m wifModel) string { return wif.Describe(m.ID) },
	Ref:            func(m wifModel) p0.ItemRef { return wif.Ref(m.ID) },
	Import:         func(id string) (wifModel, error) { return wifModel{ID: types.StringValue(id)}, nil },
	EnsureRoot:     true,
	StageBody:      func(m wifModel) any { return wifBody(m) },
	Read:           readWIF,
}

var wifSpec = install.InstalledSpec[wifModel]{
	Spec: install.Spec[wifModel]{
		Title: "GCP Workload Identity",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs a workload identity federation that `p0_gcp_wif_identity_staged` staged. " +
					"P0 takes the project and the provider only when the identity is created: to change them, replace " +
					"the staged resource. Destroying it puts the item back in stage, where the staged resource keeps it.",
				Attributes: wifAttributes(false),
			}
		},
		IdentitySchema: wifIdentitySchema,
		Describe:       wifStagedSpec.Describe,
		Ref:            wifStagedSpec.Ref,
		Import:         wifStagedSpec.Import,
		EnsureRoot:     true,
		StageBody:      wifStagedSpec.StageBody,
		Read:           readWIF,
	},
	ConfigureBody: func(m wifModel) *install.Body { return wifBody(m).Set("state", p0.StateConfigure) },
	State:         func(m wifModel) string { return m.State.ValueString() },
	StagedType:    "p0_gcp_wif_identity_staged",
}
