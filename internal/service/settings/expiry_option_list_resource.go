package settings

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// expiryOptionListResource lists the organization's expiry options, for
// terraform query.
type expiryOptionListResource struct{ framework.ResourceBase }

// NewExpiryOptionListResource returns the p0_expiry_option list resource.
func NewExpiryOptionListResource() list.ListResource {
	return &expiryOptionListResource{framework.ResourceNamed("expiry_option")}
}

var (
	_ list.ListResourceWithConfigure = (*expiryOptionListResource)(nil)
)

func (l *expiryOptionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the organization's expiry options, P0's presets included, from one read of " +
			"the list.",
	}
}

func (l *expiryOptionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.ListObjects(ctx, l.Base, req, stream, "Unable to List Expiry Options", l.options)
}

// options is every option P0 lists. A P0 without the read lists none, with
// a warning that says why.
func (l *expiryOptionListResource) options(ctx context.Context, _ struct{}, op framework.Operation) []framework.Found {
	options, err := l.Client.ListExpiryOptions(ctx)
	if p0.IsUnsupportedRead(err) {
		op.Diags.AddWarning("Expiry Options Not Listed", framework.AnswerDetail("listing the expiry options", err)+
			"\n\nThis P0 does not offer a read of the expiry options, so none can be listed. Import each by its "+
			"key instead, for example: terraform import p0_expiry_option.two_hours \"2h\".")
		return nil
	}
	if err != nil {
		op.APIError("listing the expiry options", err)
		return nil
	}
	objects := make([]framework.Found, 0, len(options))
	for _, option := range options {
		model := modelFromExpiryOption(option)
		name := option.Value
		if name == "" {
			name = model.ID.ValueString()
		}
		objects = append(objects, framework.Found{DisplayName: name, Model: model})
	}
	return objects
}
