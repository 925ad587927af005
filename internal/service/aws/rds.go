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

// P0's AWS RDS integration (aws-rds): a VPC whose RDS databases P0 grants
// access to, installed in one step.

var rds = install.Component{Integration: "aws-rds", Key: "iam-write", What: "AWS RDS", Of: "VPC"}

// rdsModel is p0_aws_rds's state.
type rdsModel struct {
	ID        types.String `tfsdk:"id"`
	AccountID types.String `tfsdk:"account_id"`
	Region    types.String `tfsdk:"region"`
	Label     types.String `tfsdk:"label"`
	State     types.String `tfsdk:"state"`
}

func (m rdsModel) Identity() framework.Identity { return install.IDIdentity{ID: m.ID} }

// rdsBody is what every step sends: P0 takes the account and region when
// the item is staged.
func rdsBody(m rdsModel) *install.Body {
	return install.NewBody().
		String("accountId", m.AccountID, install.Omit).
		String("region", m.Region, install.Omit).
		Set("state", "").
		String("label", m.Label, install.Omit)
}

var rdsSpec = install.InstalledSpec[rdsModel]{
	Spec: install.Spec[rdsModel]{
		Title: "AWS RDS",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's AWS RDS integration for a VPC in one step: stages, verifies (waiting " +
					"while the VPC's side propagates) and configures the item. Changing the label reconfigures it in " +
					"place. Destroying it removes the item.",
				Attributes: map[string]schema.Attribute{
					"id":         install.Key("The VPC's ID, `vpc-...`. Changing it replaces the resource.", install.VPCID),
					"account_id": install.Key("The AWS account of the VPC. Changing it replaces the resource.", install.NumericAccountID),
					"region":     install.Key("The AWS region of the VPC. Changing it replaces the resource.", install.AWSRegion),
					"label":      install.OptionalComputed("The item's display name in P0."),
					"state":      install.State(true),
				},
			}
		},
		IdentitySchema: install.IdentitySchema("id", "The VPC's ID."),
		Describe:       func(m rdsModel) string { return rds.Describe(m.ID) },
		Ref:            func(m rdsModel) p0.ItemRef { return rds.Ref(m.ID) },
		Import:         func(id string) (rdsModel, error) { return rdsModel{ID: types.StringValue(id)}, nil },
		EnsureRoot:     true,
		StageBody:      func(m rdsModel) any { return rdsBody(m) },
		Read: func(m rdsModel, item, _ install.Fields) rdsModel {
			m.AccountID, m.Region = item.String("accountId"), item.String("region")
			m.Label, m.State = item.String("label"), item.String("state")
			return m
		},
	},
	ConfigureBody: rdsBody,
	State:         func(m rdsModel) string { return m.State.ValueString() },
	Uninstall:     install.DeleteItem,
}

// NewRDSResource returns the p0_aws_rds resource.
func NewRDSResource() resource.Resource {
	return install.NewInstalled[rdsModel, install.IDIdentity]("aws_rds", rdsSpec)
}

// NewRDSListResource returns the p0_aws_rds list resource.
func NewRDSListResource() list.ListResource {
	return install.NewList("aws_rds", install.ListOf(rds, rdsSpec.Spec, true))
}
