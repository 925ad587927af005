package p0mock

import (
	"io"
	"maps"
	"net/http"
	"sync"
)

// Server is the fake P0 API for one organization. It is safe for concurrent
// use; every request and every state accessor runs under one mutex, so each
// request sees and leaves a consistent state.
type Server struct {
	org   string
	token string
	mux   *http.ServeMux

	mu       sync.Mutex
	state    *state        // guarded by mu
	behavior Behavior      // guarded by mu
	faults   faultInjector // guarded by mu
	requests []*logEntry   // guarded by mu; in arrival order
	printTo  io.Writer     // guarded by mu; see LogRequestsTo
	printing sync.Mutex    // held while a request's line is printed

	listening listener
}

// New returns a server for org that accepts token, with P0's initial state:
// no routing rules, no AWS integration, the default JIT settings, and the
// documented behavior (see SetBehavior).
func New(org, token string) *Server {
	s := &Server{
		org:    org,
		token:  token,
		mux:    http.NewServeMux(),
		state:  newState(org),
		faults: newFaultInjector(),
	}
	s.registerRoutes()
	return s
}

// Org is the organization the server answers for.
func (s *Server) Org() string { return s.org }

// Token is the API token the server accepts.
func (s *Server) Token() string { return s.token }

// registerRoutes maps every endpoint to its handler. The patterns are also
// the endpoint names in the request log, in FailNext and in Count.
func (s *Server) registerRoutes() {
	routes := map[string]endpointFunc{
		// Routing rules
		"GET /o/{org}/routing":                s.getWorkflow,
		"POST /o/{org}/routing":               s.saveWorkflow,
		"GET /o/{org}/routing/{workflowId}":   s.getWorkflowVersion,
		"GET /o/{org}/routing/name/{name}":    s.ruleRoute(false, s.readRule),
		"POST /o/{org}/routing/name/{name}":   s.ruleRoute(false, s.createRule),
		"PUT /o/{org}/routing/name/{name}":    s.ruleRoute(false, s.updateRule),
		"DELETE /o/{org}/routing/name/{name}": s.ruleRoute(false, s.deleteRule),

		// The routes of P0's own client (Behavior.PolicyRoutes)
		"GET /o/{org}/policy/latest":         s.getLatestPolicy,
		"GET /o/{org}/policy/name/{name}":    s.ruleRoute(true, s.readRule),
		"POST /o/{org}/policy/name/{name}":   s.ruleRoute(true, s.createRule),
		"PUT /o/{org}/policy/name/{name}":    s.ruleRoute(true, s.updateRule),
		"DELETE /o/{org}/policy/name/{name}": s.ruleRoute(true, s.deleteRule),

		// JIT settings
		"GET /o/{org}/settings/expiry-options":           s.getExpiryOptions,
		"POST /o/{org}/settings/expiry-options":          s.addExpiryOption,
		"DELETE /o/{org}/settings/expiry-options/{key}":  s.deleteExpiryOption,
		"POST /o/{org}/settings/expiry-options/_reset":   s.resetExpiryOptions,
		"GET /o/{org}/settings/default-approvals":        s.getDefaultApprovals,
		"PUT /o/{org}/settings/default-approvals":        s.putDefaultApprovals,
		"GET /o/{org}/settings/standing-access-duration": s.getStandingAccessDuration,
		"PUT /o/{org}/settings/standing-access-duration": s.putStandingAccessDuration,
		"GET /o/{org}/settings/max-access-duration":      s.getMaxAccessDuration,
		"GET /o/{org}/settings/approvable-duration":      s.getApprovableDuration,
		"PUT /o/{org}/settings/approvable-duration":      s.putApprovableDuration,
		"PUT /o/{org}/settings/max-access-duration":      s.putMaxAccessDuration,

		// Role bindings
		"PUT /o/{org}/settings/roles/{role}/bindings/{kind}/{member}":    s.putRoleBinding,
		"DELETE /o/{org}/settings/roles/{role}/bindings/{kind}/{member}": s.deleteRoleBinding,

		// Command API
		"POST /o/{org}/command":          s.submitCommand,
		"GET /o/{org}/command/{id}/poll": s.pollCommand,
	}
	maps.Copy(routes, s.integrationRoutes())
	for pattern, endpoint := range routes {
		s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
			s.serve(w, r, endpoint)
		})
	}
}

// ServeHTTP answers one request. Requests that match no endpoint still go
// through the shared steps (log, faults, auth) and then get a JSON 404 or
// 405, where a bare ServeMux would answer plain text or redirect.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if _, pattern := s.mux.Handler(r); pattern == "" || !isCanonicalPath(r.URL.EscapedPath()) {
		s.serve(w, r, s.noRoute)
		return
	}
	s.mux.ServeHTTP(w, r)
}
