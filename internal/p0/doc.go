// Package p0 is a small client for the P0 Security API.
//
// It knows nothing about Terraform: callers supply a context, a Config and,
// optionally, a Logger. Every method maps to one documented endpoint and
// returns typed errors (ErrNotFound, ErrConflict, *APIError) so that callers
// can branch with errors.Is and errors.As instead of matching message text.
package p0
