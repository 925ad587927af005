package provider

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// A refresh that finds in P0 exactly what the last read or write found
// leaves the state as it is. Building the same state again is most of what
// a refresh of a large object costs the provider (the framework's
// reflection over every value, and what it then encodes), and a no-change
// plan is nothing but refreshes. The private state keeps a digest of P0's
// answer, taken with the provider's version (readDigestKey): a newer
// provider may map the same answer to another state, so it builds the
// state again once.

// readDigest is the digest of P0's answer, given as parts, that b's
// version maps to a state.
func (b base) readDigest(parts ...[]byte) string {
	h := sha256.New()
	for _, part := range append([][]byte{[]byte(b.version)}, parts...) {
		h.Write(part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// sameAsStored reports whether digest is the one recorded with the state.
func sameAsStored(ctx context.Context, private privateReader, digest string, diags *diag.Diagnostics) bool {
	stored, d := getPrivate[string](ctx, private, readDigestKey)
	diags.Append(d...)
	return stored == digest
}

// recordDigest records the digest of the answer the state was built from.
func recordDigest(ctx context.Context, private privateWriter, digest string, diags *diag.Diagnostics) {
	diags.Append(setPrivate(ctx, private, readDigestKey, digest)...)
}
