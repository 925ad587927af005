package azure

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

// IAM write (just-in-time access) in an Azure subscription: staged (P0
// generates the custom role it needs), then installed.

var iamWrite = install.Component{Integration: integrationAzure, Key: "iam-write", What: "Azure IAM write", Of: "subscription"}

// iamWriteModel is p0_azure_iam_write's state.
type iamWriteModel struct {
	SubscriptionID types.String `tfsdk:"subscription_id"`
	Label          types.String `tfsdk:"label"`
	State          types.String `tfsdk:"state"`
}

func (m iamWriteModel) Identity() framework.Identity {
	return install.SubscriptionIdentity{SubscriptionID: m.SubscriptionID}
}

var iamWriteStagedSpec = install.Spec[subscriptionStagedModel]{
	Title: "Staged Azure IAM Write",
	Schema: func(context.Context) schema.Schema {
		return stagedSubscriptionSchema("Stages P0's IAM write (just-in-time access) in an Azure subscription, and " +
			"exposes the custom role P0 needs there. Create the role and assign it to P0's app, then install the " +
			"component with `p0_azure_iam_write`. Needs `p0_azure`.")
	},
	IdentitySchema: subscriptionIdentitySchema,
	Describe:       func(m subscriptionStagedModel) string { return iamWrite.Describe(m.SubscriptionID) },
	Ref:            func(m subscriptionStagedModel) p0.ItemRef { return iamWrite.Ref(m.SubscriptionID) },
	Import:         fromSubscription,
	RootType:       rootType,
	Read:           readSubscriptionStaged,
}

var iamWriteSpec = install.InstalledSpec[iamWriteModel]{
	Spec: install.Spec[iamWriteModel]{
		Title: "Azure IAM Write",
		Schema: func(context.Context) schema.Schema {
			return schema.Schema{
				MarkdownDescription: "Installs P0's IAM write (just-in-time access) in an Azure subscription, once " +
					"`p0_azure_iam_write_staged` has staged it and the subscription grants P0's app the role; P0 " +
					"verifies the grant, waiting while it propagates. Destroying it puts the item back in stage, where " +
					"the staged resource keeps it. Needs `p0_azure`.",
				Attributes: map[string]schema.Attribute{
					"subscription_id": subscriptionAttribute,
					"label":           install.Computed("The item's display name in P0."),
					"state":           install.State(true),
				},
			}
		},
		IdentitySchema: subscriptionIdentitySchema,
		Describe:       func(m iamWriteModel) string { return iamWrite.Describe(m.SubscriptionID) },
		Ref:            func(m iamWriteModel) p0.ItemRef { return iamWrite.Ref(m.SubscriptionID) },
		Import: func(id string) (iamWriteModel, error) {
			return iamWriteModel{SubscriptionID: types.StringValue(id)}, nil
		},
		RootType: rootType,
		Read: func(m iamWriteModel, item, _ install.Fields) iamWriteModel {
			m.Label, m.State = item.String("label"), item.String("state")
			return m
		},
	},
	// P0's client sends an empty label; the one P0 holds is sent back
	// instead, so that nothing is erased.
	ConfigureBody: func(iamWriteModel) *install.Body { return install.NewBody().Fallback("label", "").Set("state", "") },
	Wrap:          "item",
	State:         func(m iamWriteModel) string { return m.State.ValueString() },
	StagedType:    "p0_azure_iam_write_staged",
}

// NewIAMWriteStagedResource returns the p0_azure_iam_write_staged resource.
func NewIAMWriteStagedResource() resource.Resource {
	return install.NewStaged[subscriptionStagedModel, install.SubscriptionIdentity]("azure_iam_write_staged", iamWriteStagedSpec)
}

// NewIAMWriteResource returns the p0_azure_iam_write resource.
func NewIAMWriteResource() resource.Resource {
	return install.NewInstalled[iamWriteModel, install.SubscriptionIdentity]("azure_iam_write", iamWriteSpec)
}

// NewIAMWriteStagedListResource returns the p0_azure_iam_write_staged list resource.
func NewIAMWriteStagedListResource() list.ListResource {
	return install.NewList("azure_iam_write_staged", install.ListOf(iamWrite, iamWriteStagedSpec, false))
}

// NewIAMWriteListResource returns the p0_azure_iam_write list resource.
func NewIAMWriteListResource() list.ListResource {
	return install.NewList("azure_iam_write", install.ListOf(iamWrite, iamWriteSpec.Spec, true))
}
