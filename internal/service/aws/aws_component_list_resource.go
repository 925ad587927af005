package aws

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// awsComponentListResource lists the installed items of P0's AWS
// integration, for terraform query.
type awsComponentListResource struct{ framework.ResourceBase }

// NewAWSComponentListResource returns the p0_aws_component list resource.
func NewAWSComponentListResource() list.ListResource {
	return &awsComponentListResource{framework.ResourceNamed("aws_component")}
}

var (
	_ list.ListResourceWithConfigure = (*awsComponentListResource)(nil)
)

func (l *awsComponentListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = awsListSchema("installed items")
}

func (l *awsComponentListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.ListObjects(ctx, l.Base, req, stream, "Unable to List AWS Components", l.installed)
}

// installed is every installed item the filter allows.
func (l *awsComponentListResource) installed(ctx context.Context, filter awsListFilter, op framework.Operation) []framework.Found {
	var objects []framework.Found
	isInstalled := func(state string) bool { return state == p0.StateInstalled }
	for _, listed := range listAWSItems(ctx, l.Client, filter, op, isInstalled) {
		objects = append(objects, framework.Found{DisplayName: listed.displayName(), Model: componentModel(ctx, listed.target, listed.item)})
	}
	return objects
}
