package p0mock

import (
	"net/http"
	"path"
	"strings"
)

// probedMethods are the methods tried when a path matches an endpoint under
// another method, to fill in the Allow header of a 405.
var probedMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch}

// noRoute answers requests that match no endpoint: 405 when the path exists
// under other methods, 404 otherwise. Paths that are not canonical (a double
// slash, a "..") are answered 404 rather than redirected, so that a client
// that builds URLs carelessly fails loudly instead of working by accident.
func (s *Server) noRoute(req *apiRequest) (reply, error) {
	urlPath := req.URL.EscapedPath()
	if !isCanonicalPath(urlPath) {
		return reply{}, notFound("not found: path %q is not canonical", urlPath)
	}
	allowed := s.allowedMethods(req.Request)
	if len(allowed) == 0 {
		return reply{}, notFound("not found")
	}
	rep := errorReply(methodNotAllowed("method %s is not allowed on %s; allowed: %s",
		req.Method, req.URL.Path, strings.Join(allowed, ", ")))
	rep.header.Set("Allow", strings.Join(allowed, ", "))
	return rep, nil
}

// allowedMethods lists the methods under which r's path matches an endpoint.
func (s *Server) allowedMethods(r *http.Request) []string {
	var allowed []string
	for _, method := range probedMethods {
		probe := r.Clone(r.Context())
		probe.Method = method
		if _, pattern := s.mux.Handler(probe); pattern != "" {
			allowed = append(allowed, method)
		}
	}
	return allowed
}

// isCanonicalPath reports whether p is already in the form ServeMux would
// clean it to.
func isCanonicalPath(p string) bool {
	cleaned := path.Clean(p)
	if strings.HasSuffix(p, "/") && cleaned != "/" {
		cleaned += "/"
	}
	return cleaned == p
}
