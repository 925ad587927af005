package settings

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// readSetting runs one settings read and returns the value, nil for a
// setting never set. readable is false when P0 has no such read (the
// state is then kept, and the fact logged); ok is false after op reported
// a failed read.
func readSetting[T any](ctx context.Context, op framework.Operation, read string, get func(context.Context) (*T, error)) (value *T, readable, ok bool) {
	got, err := get(ctx)
	if p0.IsUnsupportedRead(err) {
		noteDriftUndetectable(ctx, read, err)
		return nil, false, true
	}
	if err != nil {
		op.APIError("reading "+read, err)
		return nil, false, false
	}
	return got, true, true
}

// noteDriftUndetectable logs that a setting was kept as it is in state
// because P0 offers no read for it.
func noteDriftUndetectable(ctx context.Context, setting string, err error) {
	tflog.Warn(ctx, fmt.Sprintf("P0 does not support reading %s; keeping the value in state, so changes made outside Terraform cannot be detected", setting),
		map[string]any{"setting": setting, "error": err.Error()})
}
