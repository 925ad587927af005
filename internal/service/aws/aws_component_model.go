package aws

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentModel is p0_aws_component's state.
type awsComponentModel struct {
	awsItemTarget
	Label             types.String   `tfsdk:"label"`
	State             types.String   `tfsdk:"state"`
	AccessAnalyzerARN types.String   `tfsdk:"access_analyzer_arn"`
	CloudLakeARN      types.String   `tfsdk:"cloud_lake_arn"`
	Login             *awsLoginModel `tfsdk:"login"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

type awsLoginModel struct {
	Type     types.String           `tfsdk:"type"`
	Identity *awsLoginIdentityModel `tfsdk:"identity"`
}

type awsLoginIdentityModel struct {
	Type    types.String `tfsdk:"type"`
	TagName types.String `tfsdk:"tag_name"`
}

// awsItemFromModel is the configuration to send for a planned item. A label
// not known yet (left to P0) is not sent.
func awsItemFromModel(m awsComponentModel) p0.AWSItem {
	item := p0.AWSItem{
		Label:             m.Label.ValueString(),
		AccessAnalyzerArn: m.AccessAnalyzerARN.ValueString(),
		CloudLakeArn:      m.CloudLakeARN.ValueString(),
	}
	if m.Login != nil {
		item.Login = &p0.AWSLogin{Type: m.Login.Type.ValueString()}
		if identity := m.Login.Identity; identity != nil {
			item.Login.Identity = &p0.AWSLoginIdentity{Type: identity.Type.ValueString(), TagName: identity.TagName.ValueString()}
		}
	}
	return item
}

// componentModel maps P0's item to the state of the resource that targets
// it, keeping the timeouts, which P0 knows nothing of.
func componentModel(target awsItemTarget, item p0.AWSItem, t timeouts.Value) awsComponentModel {
	m := awsComponentModel{
		awsItemTarget:     target,
		Label:             framework.OptionalString(item.Label),
		State:             types.StringValue(item.State),
		AccessAnalyzerARN: framework.OptionalString(item.AccessAnalyzerArn),
		CloudLakeARN:      framework.OptionalString(item.CloudLakeArn),
		Timeouts:          t,
	}
	if item.Login != nil {
		m.Login = &awsLoginModel{Type: types.StringValue(item.Login.Type)}
		if identity := item.Login.Identity; identity != nil {
			m.Login.Identity = &awsLoginIdentityModel{Type: types.StringValue(identity.Type), TagName: framework.OptionalString(identity.TagName)}
		}
	}
	return m
}
