package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

func (l *expiryOptionListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the organization's expiry options, P0's presets included, from one read of " +
			"the list.",
	}
}

func (l *expiryOptionListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	listObjects(ctx, l.base, req, stream, "Unable to List Expiry Options", l.options)
}

// options is every option P0 lists. A P0 without the read lists none, with
// a warning that says why.
func (l *expiryOptionListResource) options(ctx context.Context, _ struct{}, op operation) []found {
	options, err := l.client.ListExpiryOptions(ctx)
	if p0.IsUnsupportedRead(err) {
		op.diags.AddWarning("Expiry Options Not Listed", answerDetail("listing the expiry options", err)+
			"\n\nThis P0 does not offer a read of the expiry options, so none can be listed. Import each by its "+
			"key instead, for example: terraform import p0_expiry_option.two_hours \"2h\".")
		return nil
	}
	if err != nil {
		op.apiError("listing the expiry options", err)
		return nil
	}
	objects := make([]found, 0, len(options))
	for _, option := range options {
		model := modelFromExpiryOption(option)
		name := option.Value
		if name == "" {
			name = model.ID.ValueString()
		}
		objects = append(objects, found{displayName: name, model: model})
	}
	return objects
}
