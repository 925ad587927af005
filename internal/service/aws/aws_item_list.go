package aws

import (
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What the list resources p0_aws_component and p0_aws_component_staged
// share: both list the items of P0's AWS integration from one read of it,
// installed items and the others respectively, optionally of one
// component. P0's own base items are never listed.

// awsListFilter is the configuration of both AWS list resources.
type awsListFilter struct {
	Component types.String `tfsdk:"component"`
}

// awsListSchema is both AWS list resources' schema; which describes the
// items listed.
func awsListSchema(which string) schema.Schema {
	return schema.Schema{
		MarkdownDescription: "Lists the " + which + " of P0's AWS integration, from one read of the integration.",
		Attributes: map[string]schema.Attribute{
			"component": schema.StringAttribute{
				MarkdownDescription: "Lists only the items of this component: one of " + installableComponents + ".",
				Optional:            true,
				Validators:          componentValidators,
			},
		},
	}
}

// awsListed is one item found by listAWSItems.
type awsListed struct {
	target awsItemTarget
	item   p0.Object
}

// displayName names the item in query results: its label, if it has one,
// and its id.
func (l awsListed) displayName() string {
	return install.DisplayName(l.item, l.target.ID.ValueString())
}

// listAWSItems reads the integration once and returns the items that
// filter allows and keep accepts (by their state), by component, then id.
// An organization without the integration has none.
func listAWSItems(ctx context.Context, client *p0.Client, filter awsListFilter, op framework.Operation, keep func(state string) bool) []awsListed {
	integration, err := client.GetIntegration(ctx, p0.IntegrationAWS)
	if errors.Is(err, p0.ErrNotFound) {
		// No integration root yet: nothing staged or installed, as the
		// p0_aws_integration data source reads it too.
		return nil
	}
	if err != nil {
		op.APIError("listing the AWS integration's items", err)
		return nil
	}
	var listed []awsListed
	for _, component := range p0.InstallableComponents {
		if !filter.Component.IsNull() && filter.Component.ValueString() != component {
			continue
		}
		items := integration.Components[component]
		for _, id := range slices.Sorted(maps.Keys(items)) {
			if item := items[id]; keep((p0.Item{Item: item}).State()) {
				listed = append(listed, awsListed{target: newAWSItemTarget(component, id), item: item})
			}
		}
	}
	return listed
}
