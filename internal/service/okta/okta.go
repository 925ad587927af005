package okta

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

var (
	listing         = install.Component{Integration: "okta", Key: "listing", What: "Okta directory listing", Of: "domain"}
	groupAssignment = install.Component{Integration: "okta", Key: "group-assignment", What: "Okta group assignment", Of: "domain"}
)

// jwkModel is the public JSON Web Key of the key P0 generates, which the
// Okta app P0 acts as verifies its tokens with.
type jwkModel struct {
	Kty types.String `tfsdk:"kty"`
	Kid types.String `tfsdk:"kid"`
	E   types.String `tfsdk:"e"`
	N   types.String `tfsdk:"n"`
}

// jwkTypes are the JWK's attributes, an object attribute's as P0's schema
// has it.
var jwkTypes = map[string]attr.Type{"kty": types.StringType, "kid": types.StringType, "e": types.StringType, "n": types.StringType}

// readJWK reads the JWK P0 holds as a string of JSON; nil where it holds
// none.
func readJWK(item install.Fields) *jwkModel {
	if !item.Has("publicKey") {
		return nil
	}
	key := item.JSONString("publicKey")
	return &jwkModel{Kty: key.String("kty"), Kid: key.String("kid"), E: key.String("e"), N: key.String("n")}
}

// jwkJSON is the JWK as P0's client sends it: a string of JSON, its keys
// in the order kty, kid, e, n.
func jwkJSON(k *jwkModel) types.String {
	if k == nil {
		return types.StringNull()
	}
	encoded, err := json.Marshal(struct {
		Kty string `json:"kty"`
		Kid string `json:"kid"`
		E   string `json:"e"`
		N   string `json:"n"`
	}{k.Kty.ValueString(), k.Kid.ValueString(), k.E.ValueString(), k.N.ValueString()})
	if err != nil { // four strings always encode
		return types.StringNull()
	}
	return types.StringValue(string(encoded))
}

// listingStagedModel is p0_okta_directory_listing_staged's state.
type listingStagedModel struct {
	Domain types.String `tfsdk:"domain"`
	JWK    *jwkModel    `tfsdk:"jwk"`
	State  types.String `tfsdk:"state"`
}

func (m listingStagedModel) Identity() framework.Identity {
	return install.DomainIdentity{Domain: m.Domain}
}

// listingModel is p0_okta_directory_listing's state.
type listingModel struct {
	Domain types.String `tfsdk:"domain"`
	Client types.String `tfsdk:"client"`
	JWK    *jwkModel    `tfsdk:"jwk"`
	State  types.String `tfsdk:"state"`
}

func (m listingModel) Identity() framework.Identity { return install.DomainIdentity{Domain: m.Domain} }

var domainIdentitySchema = install.IdentitySchema("domain", "The Okta organization's domain.")

// domainAttribute names the item.
var domainAttribute = install.Key("The Okta organization's domain, for example `example.okta.com`. Changing it replaces the resource.")

var listingStagedSpec = install.Spec[listingStagedModel]{
	Title: "Staged Okta Directory Listing",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages P0's directory listing of an Okta organization, and exposes the public key P0 " +
				"generates for the Okta app it acts as. Create the app with the key, then install the listing with " +
				"`p0_okta_directory_listing`. The integration's root is created when it is missing.",
			Attributes: map[string]schema.Attribute{
				"domain": domainAttribute,
				"jwk": schema.ObjectAttribute{MarkdownDescription: "The public JSON Web Key of P0's key (`kty`, `kid`, `e`, `n`), " +
					"for the app's `jwks`.", Computed: true, AttributeTypes: jwkTypes,
					PlanModifiers: []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}},
				"state": install.State(false),
			},
		}
	},
	IdentitySchema: domainIdentitySchema,
	Describe:       func(m listingStagedModel) string { return listing.Describe(m.Domain) },
	Ref:            func(m listingStagedModel) p0.ItemRef { return listing.Ref(m.Domain) },
	Import: func(id string) (listingStagedModel, error) {
		return listingStagedModel{Domain: types.StringValue(id)}, nil
	},
	EnsureRoot: true,
	Read: func(m listingStagedModel, item, _ install.Fields) listingStagedModel {
		m.JWK, m.State = readJWK(item), item.String("state")
		return m
	},
}

var listingSpec = install.InstalledSpec[listingModel]{
	Spec: install.Spec[listingModel]{
		Title: "Okta Directory Listing",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's directory listing of an Okta organization, once " +
					"`p0_okta_directory_listing_staged` has staged it and the Okta app P0 acts as exists with its key: " +
					"P0 verifies the app, waiting while Okta propagates it. Changing the app or key reconfigures it in " +
					"place. Destroying it puts the item back in stage, where the staged resource keeps it.",
				Attributes: map[string]schema.Attribute{
					"domain": domainAttribute,
					"client": install.Required("The client ID of the Okta app P0 acts as."),
					"jwk": schema.ObjectAttribute{MarkdownDescription: "The public JSON Web Key of P0's key (`kty`, `kid`, `e`, `n`): " +
						"`p0_okta_directory_listing_staged`'s `jwk`.", Required: true, AttributeTypes: jwkTypes},
					"state": install.State(true),
				},
			}
		},
		IdentitySchema: domainIdentitySchema,
		Describe:       func(m listingModel) string { return listing.Describe(m.Domain) },
		Ref:            func(m listingModel) p0.ItemRef { return listing.Ref(m.Domain) },
		Import:         func(id string) (listingModel, error) { return listingModel{Domain: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		Read: func(m listingModel, item, _ install.Fields) listingModel {
			m.Client, m.JWK, m.State = item.String("clientId"), readJWK(item), item.String("state")
			return m
		},
	},
	ConfigureBody: func(m listingModel) *install.Body {
		kid := types.StringNull()
		if m.JWK != nil {
			kid = m.JWK.Kid
		}
		return install.NewBody().
			String("keyId", kid, install.Omit).
			String("publicKey", jwkJSON(m.JWK), install.Omit).
			Set("state", p0.StateConfigure).
			String("clientId", m.Client, install.Omit)
	},
	State:      func(m listingModel) string { return m.State.ValueString() },
	StagedType: "p0_okta_directory_listing_staged",
}

// groupAssignmentModel is p0_okta_group_assignment's state.
type groupAssignmentModel struct {
	Domain types.String `tfsdk:"domain"`
	State  types.String `tfsdk:"state"`
}

func (m groupAssignmentModel) Identity() framework.Identity {
	return install.DomainIdentity{Domain: m.Domain}
}

var groupAssignmentSpec = install.InstalledSpec[groupAssignmentModel]{
	Spec: install.Spec[groupAssignmentModel]{
		Title: "Okta Group Assignment",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's group assignment for an Okta organization in one step: stages, verifies " +
					"(waiting while permissions propagate) and configures the item. Destroying it removes the item. " +
					"Needs the Okta integration, which `p0_okta_directory_listing_staged` creates.",
				Attributes: map[string]schema.Attribute{"domain": domainAttribute, "state": install.State(true)},
			}
		},
		IdentitySchema: domainIdentitySchema,
		Describe:       func(m groupAssignmentModel) string { return groupAssignment.Describe(m.Domain) },
		Ref:            func(m groupAssignmentModel) p0.ItemRef { return groupAssignment.Ref(m.Domain) },
		Import: func(id string) (groupAssignmentModel, error) {
			return groupAssignmentModel{Domain: types.StringValue(id)}, nil
		},
		RootType: "p0_okta_directory_listing_staged",
		Read: func(m groupAssignmentModel, item, _ install.Fields) groupAssignmentModel {
			m.State = item.String("state")
			return m
		},
	},
	ConfigureBody: func(groupAssignmentModel) *install.Body { return install.NewBody().Set("state", p0.StateConfigure) },
	Wrap:          "item",
	State:         func(m groupAssignmentModel) string { return m.State.ValueString() },
	Uninstall:     install.DeleteItem,
}

// NewListingStagedResource returns the p0_okta_directory_listing_staged resource.
func NewListingStagedResource() resource.Resource {
	return install.NewStaged[listingStagedModel, install.DomainIdentity]("okta_directory_listing_staged", listingStagedSpec)
}

// NewListingResource returns the p0_okta_directory_listing resource.
func NewListingResource() resource.Resource {
	return install.NewInstalled[listingModel, install.DomainIdentity]("okta_directory_listing", listingSpec)
}

// NewGroupAssignmentResource returns the p0_okta_group_assignment resource.
func NewGroupAssignmentResource() resource.Resource {
	return install.NewInstalled[groupAssignmentModel, install.DomainIdentity]("okta_group_assignment", groupAssignmentSpec)
}

// NewListingStagedListResource returns the p0_okta_directory_listing_staged list resource.
func NewListingStagedListResource() list.ListResource {
	return install.NewList("okta_directory_listing_staged", install.ListOf(listing, listingStagedSpec, false))
}

// NewListingListResource returns the p0_okta_directory_listing list resource.
func NewListingListResource() list.ListResource {
	return install.NewList("okta_directory_listing", install.ListOf(listing, listingSpec.Spec, true))
}

// NewGroupAssignmentListResource returns the p0_okta_group_assignment list resource.
func NewGroupAssignmentListResource() list.ListResource {
	return install.NewList("okta_group_assignment", install.ListOf(groupAssignment, groupAssignmentSpec.Spec, true))
}
