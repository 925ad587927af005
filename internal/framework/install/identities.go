package install

import (
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// The identities of the install resources (Terraform 1.12+): each names its
// object by the one attribute that its import ID is, named as in the
// resource's schema. A resource whose item exists once per organization
// takes framework.OrgIdentity.

// IDIdentity names an object by its id attribute.
type IDIdentity struct {
	ID types.String `tfsdk:"id"`
}

func (i IDIdentity) ImportID() string { return i.ID.ValueString() }

// ProjectIdentity names an object by its GCP project.
type ProjectIdentity struct {
	Project types.String `tfsdk:"project"`
}

func (i ProjectIdentity) ImportID() string { return i.Project.ValueString() }

// ProjectIDIdentity names an object by its GCP project, as project_id.
type ProjectIDIdentity struct {
	ProjectID types.String `tfsdk:"project_id"`
}

func (i ProjectIDIdentity) ImportID() string { return i.ProjectID.ValueString() }

// SubscriptionIdentity names an object by its Azure subscription.
type SubscriptionIdentity struct {
	SubscriptionID types.String `tfsdk:"subscription_id"`
}

func (i SubscriptionIdentity) ImportID() string { return i.SubscriptionID.ValueString() }

// AccountIdentity names an object by its AWS account.
type AccountIdentity struct {
	AccountID types.String `tfsdk:"account_id"`
}

func (i AccountIdentity) ImportID() string { return i.AccountID.ValueString() }

// DomainIdentity names an object by its Okta domain.
type DomainIdentity struct {
	Domain types.String `tfsdk:"domain"`
}

func (i DomainIdentity) ImportID() string { return i.Domain.ValueString() }

// TokenIdentity names an object by its token's id.
type TokenIdentity struct {
	TokenID types.String `tfsdk:"token_id"`
}

func (i TokenIdentity) ImportID() string { return i.TokenID.ValueString() }

// IdentifierIdentity names an object by its identifier attribute.
type IdentifierIdentity struct {
	Identifier types.String `tfsdk:"identifier"`
}

func (i IdentifierIdentity) ImportID() string { return i.Identifier.ValueString() }

// DirectoryIdentity names an integration by its Azure directory.
type DirectoryIdentity struct {
	DirectoryID types.String `tfsdk:"directory_id"`
}

func (i DirectoryIdentity) ImportID() string { return i.DirectoryID.ValueString() }

// OrganizationIdentity names an integration by its GCP organization.
type OrganizationIdentity struct {
	OrganizationID types.String `tfsdk:"organization_id"`
}

func (i OrganizationIdentity) ImportID() string { return i.OrganizationID.ValueString() }

// IdentitySchema is the identity schema of one string attribute, name,
// described by description.
func IdentitySchema(name, description string) identityschema.Schema {
	return framework.IdentitySchema(map[string]string{name: description})
}
