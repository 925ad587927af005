package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// tflogLogger forwards the API client's log entries to tflog. It masks the
// API token in messages and field values as a second line of defence: the
// client never logs headers, but nothing that reaches TF_LOG may show the
// token even if that changes.
type tflogLogger struct {
	secret string
}

func (l tflogLogger) mask(ctx context.Context) context.Context {
	if l.secret == "" {
		return ctx
	}
	ctx = tflog.MaskMessageStrings(ctx, l.secret)
	return tflog.MaskAllFieldValuesStrings(ctx, l.secret)
}

func (l tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(l.mask(ctx), msg, fields)
}

func (l tflogLogger) Info(ctx context.Context, msg string, fields map[string]any) {
	tflog.Info(l.mask(ctx), msg, fields)
}

func (l tflogLogger) Warn(ctx context.Context, msg string, fields map[string]any) {
	tflog.Warn(l.mask(ctx), msg, fields)
}
