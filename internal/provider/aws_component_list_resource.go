package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// noTimeouts is the timeouts block of an object that sets none.
var noTimeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
	"create": types.StringType, "update": types.StringType, "delete": types.StringType,
})}

func (l *awsComponentListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = awsListSchema("installed items")
}

func (l *awsComponentListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	listObjects(ctx, l.base, req, stream, "Unable to List AWS Components", l.installed)
}

// installed is every installed item the filter allows.
func (l *awsComponentListResource) installed(ctx context.Context, filter awsListFilter, op operation) []found {
	var objects []found
	isInstalled := func(item p0.AWSItem) bool { return item.State == p0.StateInstalled }
	for _, listed := range listAWSItems(ctx, l.client, filter, op, isInstalled) {
		objects = append(objects, found{displayName: listed.displayName(), model: componentModel(listed.target, listed.item, noTimeouts)})
	}
	return objects
}
