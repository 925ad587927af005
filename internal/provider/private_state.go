package provider

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
	importedKey = "imported"
	// stagedHereKey records whether a p0_aws_component staged its item
	// itself, which decides what destroying it leaves: an item it staged is
	// deleted, and an item someone else staged (a p0_aws_component_staged,
	// which stays) is put back in stage. P0 does not say who staged an item.
	stagedHereKey = "staged_here"
	// workflowVersionKey holds the version of the routing workflow that
	// p0_routing_workflow's state shows; its next save names it, so that P0
	// refuses the save (409) when the workflow changed since.
	workflowVersionKey = "workflow_version"
	// unmanagedKey holds what P0 held at the last read, or answered at the
	// last write, that the provider does not model, for the next write to
	// send back (see unmanaged.go).
	unmanagedKey = "unmanaged"
	// readDigestKey holds a digest of the answer the state was built from,
	// so that a refresh that finds the same keeps the state (see
	// read_digest.go).
	readDigestKey = "read_digest"
)

// privateReader and privateWriter are the framework's private state as a
// request and a response give it.
type privateReader interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type privateWriter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// setPrivate stores value under key.
func setPrivate[T any](ctx context.Context, private privateWriter, key string, value T) diag.Diagnostics {
	encoded, err := json.Marshal(value)
	if err != nil {
		var diags diag.Diagnostics
		diags.AddError("Unable to Save Private State", err.Error()) // only plain values are stored
		return diags
	}
	return private.SetKey(ctx, key, encoded)
}

// getPrivate reads the value under key: T's zero value where there is
// none, or none that reads as a T.
func getPrivate[T any](ctx context.Context, private privateReader, key string) (value T, diags diag.Diagnostics) {
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

// justImported reports whether the resource was imported and not read
// since (see importedKey).
func justImported(ctx context.Context, private privateReader, diags *diag.Diagnostics) bool {
	imported, d := getPrivate[bool](ctx, private, importedKey)
	diags.Append(d...)
	return imported
}

// readSinceImport clears the mark of a resource just imported, once read.
func readSinceImport(ctx context.Context, private privateWriter, diags *diag.Diagnostics) {
	diags.Append(private.SetKey(ctx, importedKey, nil)...)
}
