package aws

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/framework/install"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentStagedListResource lists the items of P0's AWS
// integration that are not installed, for terraform query.
type awsComponentStagedListResource struct{ framework.ResourceBase }

// NewAWSComponentStagedListResource returns the p0_aws_component_staged list resource.
func NewAWSComponentStagedListResource() list.ListResource {
	return &awsComponentStagedListResource{framework.ResourceNamed("aws_component_staged")}
}

var (
	_ list.ListResourceWithConfigure = (*awsComponentStagedListResource)(nil)
)

func (l *awsComponentStagedListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = awsListSchema("items that are not installed (staged, or verified and not configured yet); " +
		"their IAM role metadata, which P0 gives one item at a time, is read for each only when the query " +
		"includes resource objects")
}

func (l *awsComponentStagedListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	notInstalled := func(ctx context.Context, filter awsListFilter, op framework.Operation) []framework.Found {
		return l.notInstalled(ctx, filter, req.IncludeResource, op)
	}
	framework.ListObjects(ctx, l.Base, req, stream, "Unable to List Staged AWS Components", notInstalled)
}

// notInstalled is every item the filter allows that is not installed, with
// its role metadata when withResource. P0's list of the integration leaves
// the metadata out, so each item is then read alone; one removed between
// the two reads is no longer there to list, and is left out.
func (l *awsComponentStagedListResource) notInstalled(ctx context.Context, filter awsListFilter, withResource bool, op framework.Operation) []framework.Found {
	var objects []framework.Found
	isNotInstalled := func(state string) bool { return state != p0.StateInstalled }
	for _, listed := range listAWSItems(ctx, l.Client, filter, op, isNotInstalled) {
		got := &p0.Item{Item: listed.item}
		if withResource {
			var err error
			got, err = l.Client.GetItem(ctx, listed.target.ref())
			if errors.Is(err, p0.ErrNotFound) {
				tflog.Debug(ctx, "Leaving out an item removed since the integration was read", map[string]any{"id": listed.target.ID.ValueString()})
				continue
			}
			if err != nil {
				op.APIError("reading "+listed.target.describe(), err)
				return nil
			}
		}
		model := readAWSComponentStaged(awsComponentStagedModel{awsItemTarget: listed.target}, install.Read(got.Item, "item."), install.Read(got.Metadata, "metadata."))
		objects = append(objects, framework.Found{DisplayName: listed.displayName(), Model: model})
	}
	return objects
}
