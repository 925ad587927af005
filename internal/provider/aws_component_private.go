package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// Who staged a p0_aws_component's item decides what destroying it leaves:
// an item it staged itself is deleted, and an item someone else staged
// (a p0_aws_component_staged, which stays) is put back in stage. P0 does
// not say who staged an item, so Create records it in private state.

// stagedHereKey is the private state key of that record.
const stagedHereKey = "staged_here"

// privateState is the part of the framework's private state that these
// functions use: a request's for reading, a response's for writing.
type privateState interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

type privateStateWriter interface {
	SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
}

// setStagedHere records whether this resource staged its item.
func setStagedHere(ctx context.Context, private privateStateWriter, staged bool) diag.Diagnostics {
	value, _ := json.Marshal(staged) // a bool always encodes
	return private.SetKey(ctx, stagedHereKey, value)
}

// stagedHere tells whether this resource staged its item. Without a record
// (an imported resource, or state written by an earlier version of the
// provider) it is false: destroying the resource then leaves the item
// staged rather than take away what another resource may be built on.
func stagedHere(ctx context.Context, private privateState) (bool, diag.Diagnostics) {
	value, diags := private.GetKey(ctx, stagedHereKey)
	if diags.HasError() || len(value) == 0 {
		return false, diags
	}
	var staged bool
	if err := json.Unmarshal(value, &staged); err != nil {
		return false, diags // an unreadable record is no record
	}
	return staged, diags
}
