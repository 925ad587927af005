package p0mock

import (
	"crypto/subtle"
	"net/http"
	"strings"
)

// authorize checks the bearer token and that the organization in the path
// is the server's. Messages never repeat the token received, so a test log
// cannot leak it.
func (s *Server) authorize(r *http.Request) error {
	if !s.validToken(r.Header.Get("Authorization")) {
		return newAPIError(http.StatusUnauthorized, "missing or invalid API token")
	}
	// Requests that matched no endpoint have no {org}; the token check is
	// all that applies to them.
	if org := r.PathValue("org"); org != "" && org != s.org {
		return newAPIError(http.StatusForbidden, "the API token does not grant access to organization %q", org)
	}
	return nil
}

// validToken reports whether header is "Bearer <token>" for the server's
// token. The scheme is case-insensitive as HTTP requires; the comparison
// takes constant time out of habit, as a real server's would.
func (s *Server) validToken(header string) bool {
	scheme, token, found := strings.Cut(header, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) == 1
}
