package p0

import "context"

// Logger receives the client's structured log entries. The provider adapts
// it to tflog; the client never passes it the token or request headers.
type Logger interface {
	Debug(ctx context.Context, msg string, fields map[string]any)
	Info(ctx context.Context, msg string, fields map[string]any)
	Warn(ctx context.Context, msg string, fields map[string]any)
}

type discardLogger struct{}

func (discardLogger) Debug(context.Context, string, map[string]any) {}
func (discardLogger) Info(context.Context, string, map[string]any)  {}
func (discardLogger) Warn(context.Context, string, map[string]any)  {}
