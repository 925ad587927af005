package aws

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsIntegrationDataSource reads every component's items of P0's AWS
// integration, including the base items P0 creates itself.
type awsIntegrationDataSource struct{ framework.DataSourceBase }

// NewAWSIntegrationDataSource returns the p0_aws_integration data source.
func NewAWSIntegrationDataSource() datasource.DataSource {
	return &awsIntegrationDataSource{framework.DataSourceNamed("aws_integration")}
}

var (
	_ datasource.DataSourceWithConfigure = (*awsIntegrationDataSource)(nil)
)

// awsIntegrationModel is the data source's state: component → item id →
// item.
type awsIntegrationModel struct {
	Components map[string]map[string]awsIntegrationItemModel `tfsdk:"components"`
}

type awsIntegrationItemModel struct {
	Label types.String `tfsdk:"label"`
	State types.String `tfsdk:"state"`
}

// awsIntegrationItemType is the object type of one item in components.
var awsIntegrationItemType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"label": types.StringType,
	"state": types.StringType,
}}

// awsIntegrationModelFrom maps the integration to the state. Every
// component has a key, even one P0 left out, so that configurations can
// index components without checking first.
func awsIntegrationModelFrom(integration p0.AWSIntegration) awsIntegrationModel {
	m := awsIntegrationModel{Components: map[string]map[string]awsIntegrationItemModel{}}
	for _, component := range p0.AllComponents {
		m.Components[component] = map[string]awsIntegrationItemModel{}
	}
	for component, items := range integration {
		if m.Components[component] == nil {
			m.Components[component] = map[string]awsIntegrationItemModel{}
		}
		for id, item := range items {
			m.Components[component][id] = awsIntegrationItemModel{
				Label: framework.OptionalString(item.Label),
				State: types.StringValue(item.State),
			}
		}
	}
	return m
}

func (d *awsIntegrationDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads P0's AWS integration: every component's items with their label and state, " +
			"including those managed outside this configuration and the `base` items P0 creates itself.",
		Attributes: map[string]schema.Attribute{
			"components": schema.MapAttribute{
				MarkdownDescription: "Items keyed by component name (" + framework.CodeList(p0.AllComponents) +
					"), then by item id (an account ID, or a Lambda function ARN for `function-caller`). Each " +
					"item has a `label` (`null` when it has none) and a `state` (`stage`, `configure` or " +
					"`installed`). Every component is present, with no items when it has none; all are empty " +
					"when the integration has not been created yet.",
				Computed:    true,
				ElementType: types.MapType{ElemType: awsIntegrationItemType},
			},
		},
	}
}

func (d *awsIntegrationDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	op := d.Start(&resp.Diagnostics, "Unable to Read AWS Integration")
	if op.Failed() {
		return
	}
	integration, err := d.Client.GetAWSIntegration(ctx)
	if errors.Is(err, p0.ErrNotFound) {
		// No integration root yet: nothing has been staged, which is a
		// state to report, not an error.
		tflog.Info(ctx, "the AWS integration has not been created in P0; reporting no items")
		err = nil
	}
	if err != nil {
		op.APIError("reading the AWS integration", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, awsIntegrationModelFrom(integration))...)
}
