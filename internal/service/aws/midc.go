package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// P0's AWS IAM Identity Center integration (aws-midc): the account that
// holds an Identity Center instance, staged (P0 generates the role it
// needs there) and then installed, after which p0_aws_component's logins
// of type merged-idc can name it.

var midc = install.Component{Integration: "aws-midc", Key: "identity", What: "AWS IAM Identity Center", Of: "account"}

// defaultPartition is the AWS partition P0 assumes when none is sent.
const defaultPartition = "aws"

// midcStagedModel is p0_aws_midc_staged's state.
type midcStagedModel struct {
	ID               types.String     `tfsdk:"id"`
	IDCRegion        types.String     `tfsdk:"idc_region"`
	Partition        types.String     `tfsdk:"partition"`
	Label            types.String     `tfsdk:"label"`
	State            types.String     `tfsdk:"state"`
	Role             *stagedRoleModel `tfsdk:"role"`
	ServiceAccountID types.String     `tfsdk:"service_account_id"`
}

func (m midcStagedModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// stagedRoleModel is the IAM role P0 needs in an account, as P0 generates
// it for a staged item.
type stagedRoleModel struct {
	Name             types.String `tfsdk:"name"`
	TrustPolicy      types.String `tfsdk:"trust_policy"`
	InlinePolicy     types.String `tfsdk:"inline_policy"`
	InlinePolicyName types.String `tfsdk:"inline_policy_name"`
}

// midcModel is p0_aws_midc's state.
type midcModel struct {
	ID              types.String `tfsdk:"id"`
	IDCRegion       types.String `tfsdk:"idc_region"`
	Partition       types.String `tfsdk:"partition"`
	IdentityType    types.String `tfsdk:"identity"`
	Label           types.String `tfsdk:"label"`
	IDCARN          types.String `tfsdk:"idc_arn"`
	IdentityStoreID types.String `tfsdk:"identity_store_id"`
	State           types.String `tfsdk:"state"`
}

func (m midcModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// readStagedRole reads the role P0 generated, from a staged item's
// metadata; nil where P0 gives none.
func readStagedRole(metadata install.Fields) *stagedRoleModel {
	if !metadata.Present() {
		return nil
	}
	return &stagedRoleModel{
		Name: metadata.NonEmpty("roleName"), TrustPolicy: metadata.NonEmpty("trustPolicy"),
		InlinePolicy: metadata.NonEmpty("inlinePolicy"), InlinePolicyName: metadata.NonEmpty("inlinePolicyName"),
	}
}

// stagedRoleAttribute is the role P0 generates for a staged item.
var stagedRoleAttribute = install.ComputedObject("The IAM role P0 needs in the account, to create for example with "+
	"`aws_iam_role` and `aws_iam_role_policy`.", map[string]schema.Attribute{
	"name":               install.Computed("The role's name (for `aws_iam_role.name`)."),
	"trust_policy":       install.Computed("The role's trust policy, which lets P0's service account assume it (for `aws_iam_role.assume_role_policy`)."),
	"inline_policy":      install.Computed("The permissions P0 needs, a policy document to attach inline (for `aws_iam_role_policy.policy`)."),
	"inline_policy_name": install.Computed("The inline policy's name (for `aws_iam_role_policy.name`)."),
})

// partitionAttribute is the account's AWS partition.
var partitionAttribute = install.Default("The account's AWS partition: `aws` or `aws-us-gov`.", defaultPartition,
	stringvalidator.OneOf("aws", "aws-us-gov"))

// partitionBody sends the partition as P0's client does: an object, left
// out where it is the one P0 assumes (staged items; P0 refuses null).
func partitionBody(b *install.Body, partition types.String, omitDefault bool) *install.Body {
	if omitDefault && partition.ValueString() == defaultPartition {
		return b.Owns("awsPartition")
	}
	return b.Object("awsPartition", func(p *install.Body) { p.String("type", partition, install.Omit) })
}

// readPartition reads the partition P0 holds, the one it assumes where it
// holds none.
func readPartition(item install.Fields) types.String {
	return item.Object("awsPartition").StringOr("type", defaultPartition)
}

var midcIdentitySchema = install.IdentitySchema("id", "The AWS account ID of the Identity Center instance.")

var midcStagedSpec = install.Spec[midcStagedModel]{
	Title: "Staged AWS IAM Identity Center",
	Schema: func(context.Context) schema.Schema {
		return schema.Schema{
			MarkdownDescription: "Stages P0's AWS IAM Identity Center integration for the account that holds the " +
				"Identity Center instance, and exposes the IAM role P0 needs there. Create the role, then install the " +
				"integration with `p0_aws_midc`. The integration's root is created when it is missing.",
			Attributes: map[string]schema.Attribute{
				"id":                 install.Key("The AWS account ID of the Identity Center instance. Changing it replaces the resource.", install.AccountID),
				"idc_region":         install.Required("The AWS region of the Identity Center instance."),
				"partition":          partitionAttribute,
				"label":              install.Computed("The item's display name in P0; `null` when it has none."),
				"state":              install.State(false),
				"role":               stagedRoleAttribute,
				"service_account_id": install.Computed("The unique ID of the Google service account P0 acts as, which the trust policy admits."),
			},
		}
	},
	IdentitySchema: midcIdentitySchema,
	Describe:       func(m midcStagedModel) string { return midc.Describe(m.ID) },
	Ref:            func(m midcStagedModel) p0.ItemRef { return midc.Ref(m.ID) },
	Import:         func(id string) (midcStagedModel, error) { return midcStagedModel{ID: types.StringValue(id)}, nil },
	EnsureRoot:     true,
	StageBody: func(m midcStagedModel) any {
		b := install.NewBody().Set("label", nil).Set("state", nil).String("idcRegion", m.IDCRegion, install.Omit)
		return partitionBody(b, m.Partition, true)
	},
	Read: func(m midcStagedModel, item, metadata install.Fields) midcStagedModel {
		m.IDCRegion, m.Partition = item.String("idcRegion"), readPartition(item)
		m.Label, m.State = item.NonEmpty("label"), item.String("state")
		m.Role, m.ServiceAccountID = readStagedRole(metadata), metadata.NonEmpty("serviceAccountId")
		return m
	},
}

var midcSpec = install.InstalledSpec[midcModel]{
	Spec: install.Spec[midcModel]{
		Title: "AWS IAM Identity Center",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's AWS IAM Identity Center integration, once `p0_aws_midc_staged` has " +
					"staged it and the account holds the role; P0 verifies the role, waiting while it propagates. Changing " +
					"the region, partition, identity or label reconfigures it in place. Destroying it puts the item back in " +
					"stage, where the staged resource keeps it.",
				Attributes: map[string]schema.Attribute{
					"id":         install.Key("The AWS account ID of the Identity Center instance. Changing it replaces the resource.", install.AccountID),
					"idc_region": install.Required("The AWS region of the Identity Center instance."),
					"partition":  partitionAttribute,
					"identity": install.Default("How P0 matches P0 users with Identity Center users: by `user` name or by `email`.",
						"user", stringvalidator.OneOf("user", "email")),
					"label":             install.OptionalComputed("The item's display name in P0."),
					"idc_arn":           install.Computed("The ARN of the Identity Center instance, which P0 finds."),
					"identity_store_id": install.Computed("The ID of the instance's identity store, which P0 finds."),
					"state":             install.State(true),
				},
			}
		},
		IdentitySchema: midcIdentitySchema,
		Describe:       func(m midcModel) string { return midc.Describe(m.ID) },
		Ref:            func(m midcModel) p0.ItemRef { return midc.Ref(m.ID) },
		Import:         func(id string) (midcModel, error) { return midcModel{ID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		Read: func(m midcModel, item, _ install.Fields) midcModel {
			m.IDCRegion, m.Partition = item.String("idcRegion"), readPartition(item)
			m.IdentityType, m.Label = item.Object("identity").StringOr("type", "user"), item.NonEmpty("label")
			m.IDCARN, m.IdentityStoreID = item.String("idcArn"), item.String("identityStoreId")
			m.State = item.String("state")
			return m
		},
	},
	ConfigureBody: func(m midcModel) *install.Body {
		b := install.NewBody().String("label", m.Label, install.Null).Set("state", "").
			String("idcRegion", m.IDCRegion, install.Omit).
			Object("identity", func(i *install.Body) { i.String("type", m.IdentityType, install.Omit) }).
			Owns("idcArn", "identityStoreId")
		return partitionBody(b, m.Partition, false)
	},
	State:      func(m midcModel) string { return m.State.ValueString() },
	StagedType: "p0_aws_midc_staged",
}

// NewMIDCStagedResource returns the p0_aws_midc_staged resource.
func NewMIDCStagedResource() resource.Resource {
	return install.NewStaged[midcStagedModel, install.IDIdentity]("aws_midc_staged", midcStagedSpec)
}

// NewMIDCResource returns the p0_aws_midc resource.
func NewMIDCResource() resource.Resource {
	return install.NewInstalled[midcModel, install.IDIdentity]("aws_midc", midcSpec)
}

// NewMIDCStagedListResource returns the p0_aws_midc_staged list resource.
func NewMIDCStagedListResource() list.ListResource {
	return install.NewList("aws_midc_staged", install.ListOf(midc, midcStagedSpec, false))
}

// NewMIDCListResource returns the p0_aws_midc list resource.
func NewMIDCListResource() list.ListResource {
	return install.NewList("aws_midc", install.ListOf(midc, midcSpec.Spec, true))
}
