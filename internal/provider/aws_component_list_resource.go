package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

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
	unset := noTimeouts(ctx)
	for _, listed := range listAWSItems(ctx, l.client, filter, op, isInstalled) {
		objects = append(objects, found{displayName: listed.displayName(), model: componentModel(listed.target, listed.item, unset)})
	}
	return objects
}
