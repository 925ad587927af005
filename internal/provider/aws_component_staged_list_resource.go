package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func (l *awsComponentStagedListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = awsListSchema("items that are not installed (staged, or verified and not configured yet); " +
		"their IAM role metadata, which P0 gives one item at a time, is read for each only when the query " +
		"includes resource objects")
}

func (l *awsComponentStagedListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	notInstalled := func(ctx context.Context, filter awsListFilter, op operation) []found {
		return l.notInstalled(ctx, filter, req.IncludeResource, op)
	}
	listObjects(ctx, l.base, req, stream, "Unable to List Staged AWS Components", notInstalled)
}

// notInstalled is every item the filter allows that is not installed, with
// its role metadata when withResource (see withMetadata).
func (l *awsComponentStagedListResource) notInstalled(ctx context.Context, filter awsListFilter, withResource bool, op operation) []found {
	var objects []found
	isNotInstalled := func(item p0.AWSItem) bool { return item.State != p0.StateInstalled }
	for _, listed := range listAWSItems(ctx, l.client, filter, op, isNotInstalled) {
		got := p0.AWSComponentItem{Item: listed.item}
		if withResource && !l.withMetadata(ctx, listed.target, &got, op) {
			return nil
		}
		objects = append(objects, found{displayName: listed.displayName(), model: stagedModel(listed.target, got)})
	}
	return objects
}

// withMetadata reads the item alone for the role metadata that the
// integration's list leaves out. It reports false after op reported a
// failure.
func (l *awsComponentStagedListResource) withMetadata(ctx context.Context, target awsItemTarget, got *p0.AWSComponentItem, op operation) bool {
	item, err := l.client.GetAWSComponent(ctx, target.Component.ValueString(), target.itemID())
	if err != nil {
		op.apiError("reading "+target.describe(), err)
		return false
	}
	*got = *item
	return true
}
