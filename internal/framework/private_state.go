package framework

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Private state: what a resource remembers that P0 does not say, kept by
// Terraform beside the state but never shown. Each key holds one JSON value.
const (
	// importedKey marks a resource just imported, until its first read:
	// p0_jit_settings then takes every setting from P0, and
	// p0_aws_component refuses an item that is not installed.
	ImportedKey = "imported"
	// unmanagedKey holds what P0 held at the last read, or answered at the
	// last write, that the provider does not model, for the next write to
	// send back (see unmanaged.go).
	unmanagedKey = "unmanaged"
	// readDigestKey holds a digest of the answer the state was built from,
	// so that a refresh that finds the same keeps the state (see
	// read_digest.go).
	readDigestKey = "read_digest"
)

// PrivateReader and privateWriter are the framework's private state as a
// request and a response give it.
type PrivateReader interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type PrivateWriter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// SetPrivate stores value under key.
func SetPrivate[T any](ctx context.Context, private PrivateWriter, key string, value T) diag.Diagnostics {
	encoded, err := json.Marshal(value)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to Save Private State", err.Error()) // only plain values are stored
		return diags
	}
	return private.SetKey(ctx, key, encoded)
}

// GetPrivate reads the value under key: T's zero value where there is
// none, or none that reads as a T.
func GetPrivate[T any](ctx context.Context, private PrivateReader, key string) (value T, diags diag.Diagnostics) {
	encoded, diags := private.GetKey(ctx, key)
	if diags.HasError() || len(encoded) == 0 {
		return value, diags
	}
	if err := json.Unmarshal(encoded, &value); err != nil {
		var zero T
		return zero, diags
	}
	return value, diags
}

// JustImported reports whether the resource was imported and not read
// since (see importedKey).
func JustImported(ctx context.Context, private PrivateReader, diags *diag.Diagnostics) bool {
	imported, d := GetPrivate[bool](ctx, private, ImportedKey)
	diags.Append(d...)
	return imported
}

// ReadSinceImport clears the mark of a resource just imported, once read.
func ReadSinceImport(ctx context.Context, private PrivateWriter, diags *diag.Diagnostics) {
	diags.Append(private.SetKey(ctx, ImportedKey, nil)...)
}
