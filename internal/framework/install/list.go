package install

import (
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// ListSpec is what a list resource of the engine lists: the items of one
// component of an integration that a resource type holds, from one read
// of the integration.
type ListSpec[M framework.Identified] struct {
	Spec[M]
	// Integration and Component are where the items are.
	Integration, Component string
	// Object names what is listed, for the schema's description:
	// "installed GCP IAM write items".
	Object string
	// FromItemID is the state of the object whose item has id, before its
	// fields are read; false for an item that belongs to another type (an
	// SSH item of another cloud).
	FromItemID func(id string) (M, bool)
	// Installed lists the installed items; otherwise those that are not,
	// which a staged resource holds.
	Installed bool
	// Metadata reads each item alone for its metadata (which the read of
	// the integration leaves out) when the query asks for resource
	// objects: for staged resources, whose state shows it.
	Metadata bool
}

// List is the engine of a list resource (terraform query, Terraform
// 1.14+).
type List[M framework.Identified] struct {
	framework.ResourceBase
	Spec ListSpec[M]
}

var _ list.ListResourceWithConfigure = (*List[framework.Identified])(nil)

func (l *List[M]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	description := "Lists the " + l.Spec.Object + " of the organization, from one read of the integration."
	if l.Spec.Metadata {
		description += " The metadata P0 generated for each, which P0 gives one item at a time, is read for each " +
			"only when the query includes resource objects."
	}
	resp.Schema = schema.Schema{MarkdownDescription: description}
}

func (l *List[M]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	items := func(ctx context.Context, _ struct{}, op framework.Operation) []framework.Found {
		return l.items(ctx, req.IncludeResource, op)
	}
	framework.ListObjects(ctx, l.Base, req, stream, "Unable to List "+l.Spec.Title, items)
}

// items is every item of the component that the list holds. An
// organization without the integration has none. An item removed between
// the read of the integration and its own is no longer there to list, and
// is left out.
func (l *List[M]) items(ctx context.Context, withResource bool, op framework.Operation) []framework.Found {
	integration, err := l.Client.GetIntegration(ctx, l.Spec.Integration)
	if errors.Is(err, p0.ErrNotFound) {
		return nil
	}
	if err != nil {
		op.APIError("listing the "+l.Spec.Object, err)
		return nil
	}
	items := integration.Components[l.Spec.Component]
	var objects []framework.Found
	for _, id := range slices.Sorted(maps.Keys(items)) {
		m, ok := l.Spec.FromItemID(id)
		got := p0.Item{Item: items[id]}
		if !ok || (got.State() == p0.StateInstalled) != l.Spec.Installed {
			continue
		}
		if l.Spec.Metadata && withResource {
			read, err := l.Client.GetItem(ctx, l.Spec.Ref(m))
			if errors.Is(err, p0.ErrNotFound) {
				tflog.Debug(ctx, "Leaving out an item removed since the integration was read", map[string]any{"item": l.Spec.Ref(m).String()})
				continue
			}
			if err != nil {
				op.APIError("reading "+l.Spec.Describe(m), err)
				return nil
			}
			got = *read
		}
		fields := Read(got.Item, "item.")
		m = l.Spec.withOrg(l.Spec.Read(m, fields, Read(got.Metadata, "metadata.")), l.Client.Org())
		object := framework.Found{DisplayName: DisplayName(got.Item, m.Identity().ImportID()), Model: m}
		framework.WarnUnreadable(&object.Warnings, l.Spec.Describe(m), fields.Unreadable())
		objects = append(objects, object)
	}
	return objects
}

// NewList is the list resource of type typeName that spec describes.
func NewList[M framework.Identified](typeName string, spec ListSpec[M]) list.ListResource {
	return &List[M]{ResourceBase: framework.ResourceNamed(typeName), Spec: spec}
}
