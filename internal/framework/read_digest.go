package framework

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

// ReadDigest is the digest of P0's answer, given as parts, that b's
// version maps to a state.
func (b Base) ReadDigest(parts ...[]byte) string {
	h := sha256.New()
	for _, part := range append([][]byte{[]byte(b.version)}, parts...) {
		h.Write(part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SameAsStored reports whether digest is the one recorded with the state.
func SameAsStored(ctx context.Context, private PrivateReader, digest string, diags *diag.Diagnostics) bool {
	stored, d := GetPrivate[string](ctx, private, readDigestKey)
	diags.Append(d...)
	return stored == digest
}

// RecordDigest records the digest of the answer the state was built from.
func RecordDigest(ctx context.Context, private PrivateWriter, digest string, diags *diag.Diagnostics) {
	diags.Append(SetPrivate(ctx, private, readDigestKey, digest)...)
}
