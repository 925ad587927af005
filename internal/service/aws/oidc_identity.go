package aws

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

// P0's AWS OIDC identities (aws-oidc): an OIDC provider (a CI system's,
// say) whose workloads P0 lets into an AWS account. The identity, named by
// the user, is staged and then installed; P0 takes its settings only when
// it is staged.

var oidcIdentity = install.Component{Integration: "aws-oidc", Key: "identity", What: "AWS OIDC identity"}

// oidcIdentityModel is the state of both OIDC identity resources.
type oidcIdentityModel struct {
	ID              types.String `tfsdk:"id"`
	AccountID       types.String `tfsdk:"account_id"`
	OIDCProviderURL types.String `tfsdk:"oidc_provider_url"`
	Audience        types.String `tfsdk:"audience"`
	AWSPartition    types.String `tfsdk:"aws_partition"`
	State           types.String `tfsdk:"state"`
}

func (m oidcIdentityModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// oidcIdentityBody is the identity's settings, which P0 takes only when
// it is staged, and which every later step sends again unchanged. P0
// derives the partition from the account.
func oidcIdentityBody(m oidcIdentityModel) *install.Body {
	return install.NewBody().
		String("accountId", m.AccountID, install.Omit).
		String("oidcProviderUrl", m.OIDCProviderURL, install.Omit).
		String("audience", m.Audience, install.Omit).
		Owns("awsPartition")
}

func readOIDCIdentity(m oidcIdentityModel, item, _ install.Fields) oidcIdentityModel {
	m.AccountID, m.OIDCProviderURL = item.String("accountId"), item.String("oidcProviderUrl")
	m.Audience, m.AWSPartition, m.State = item.String("audience"), item.String("awsPartition"), item.String("state")
	return m
}

// oidcIdentityAttributes are both resources' attributes. The staged one
// replaces the identity when a setting changes; the installed one sends
// the change, which P0 refuses: replace the staged resource instead.
func oidcIdentityAttributes(staged bool) map[string]schema.Attribute {
	setting := install.Required
	if staged {
		setting = install.Key
	}
	return map[string]schema.Attribute{
		"id":                install.Key("The identity's name in P0, which you choose. Changing it replaces the resource."),
		"account_id":        setting("The AWS account the identity's workloads are let into.", install.AccountID),
		"oidc_provider_url": setting("The issuer URL of the OIDC provider, for example `https://token.actions.githubusercontent.com`.", install.HTTPS),
		"audience":          setting("The audience of the provider's tokens, for example `sts.amazonaws.com`."),
		"aws_partition":     install.Computed("The account's AWS partition, which P0 derives from the account."),
		"state":             install.State(!staged),
	}
}

var oidcIdentityIdentitySchema = install.IdentitySchema("id", "The identity's name in P0.")

var oidcIdentityStagedSpec = install.Spec[oidcIdentityModel]{
	Title: "Staged AWS OIDC Identity",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages an AWS OIDC identity: an OIDC provider whose workloads P0 lets into an AWS " +
				"account. P0 takes its settings only now; changing one replaces the resource. Install it with " +
				"`p0_aws_oidc_identity`. The integration's root is created when it is missing.",
			Attributes: oidcIdentityAttributes(true),
		}
	},
	IdentitySchema: oidcIdentityIdentitySchema,
	Describe:       func(m oidcIdentityModel) string { return oidcIdentity.Describe(m.ID) },
	Ref:            func(m oidcIdentityModel) p0.ItemRef { return oidcIdentity.Ref(m.ID) },
	Import:         func(id string) (oidcIdentityModel, error) { return oidcIdentityModel{ID: types.StringValue(id)}, nil },
	EnsureRoot:     true,
	StageBody:      func(m oidcIdentityModel) any { return oidcIdentityBody(m) },
	Read:           readOIDCIdentity,
}

var oidcIdentitySpec = install.InstalledSpec[oidcIdentityModel]{
	Spec: install.Spec[oidcIdentityModel]{
		Title: "AWS OIDC Identity",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs an AWS OIDC identity that `p0_aws_oidc_identity_staged` staged; P0 verifies " +
					"it, waiting while the account's side propagates. P0 takes the account, provider and audience only " +
					"when the identity is staged: to change them, replace the staged resource. Destroying it puts the item " +
					"back in stage, where the staged resource keeps it.",
				Attributes: oidcIdentityAttributes(false),
			}
		},
		IdentitySchema: oidcIdentityIdentitySchema,
		Describe:       oidcIdentityStagedSpec.Describe,
		Ref:            oidcIdentityStagedSpec.Ref,
		Import:         oidcIdentityStagedSpec.Import,
		EnsureRoot:     true,
		StageBody:      oidcIdentityStagedSpec.StageBody,
		Read:           readOIDCIdentity,
	},
	ConfigureBody: func(m oidcIdentityModel) *install.Body { return oidcIdentityBody(m).Set("state", p0.StateConfigure) },
	State:         func(m oidcIdentityModel) string { return m.State.ValueString() },
	StagedType:    "p0_aws_oidc_identity_staged",
}

// NewOIDCIdentityStagedResource returns the p0_aws_oidc_identity_staged resource.
func NewOIDCIdentityStagedResource() resource.Resource {
	return install.NewStaged[oidcIdentityModel, install.IDIdentity]("aws_oidc_identity_staged", oidcIdentityStagedSpec)
}

// NewOIDCIdentityResource returns the p0_aws_oidc_identity resource.
func NewOIDCIdentityResource() resource.Resource {
	return install.NewInstalled[oidcIdentityModel, install.IDIdentity]("aws_oidc_identity", oidcIdentitySpec)
}

// NewOIDCIdentityStagedListResource returns the p0_aws_oidc_identity_staged list resource.
func NewOIDCIdentityStagedListResource() list.ListResource {
	return install.NewList("aws_oidc_identity_staged", install.ListOf(oidcIdentity, oidcIdentityStagedSpec, false))
}

// NewOIDCIdentityListResource returns the p0_aws_oidc_identity list resource.
func NewOIDCIdentityListResource() list.ListResource {
	return install.NewList("aws_oidc_identity", install.ListOf(oidcIdentity, oidcIdentitySpec.Spec, true))
}
