package p0mock

import "encoding/json"

// Endpoints of the routing-rules document: the whole workflow, its
// versions, and single rules addressed by name; and the /policy routes of
// P0's own client, which replace the /routing reads on a server that
// serves them (Behavior.PolicyRoutes). Every change makes a new workflow
// version.

// routingReads refuses a /routing read (and the rule routes) on a server
// whose deprecated reads are gone, and a /policy route on one that serves
// only the documents' routes.
func (s *Server) routingReads(policy bool) error {
	if policy != s.behavior.PolicyRoutes {
		return notFound("not found")
	}
	return nil
}

func (s *Server) getWorkflow(*apiRequest) (reply, error) {
	if err := s.routingReads(false); err != nil {
		return reply{}, err
	}
	return respondJSON(s.currentWorkflow())
}

// getLatestPolicy is GET /policy/latest: the current workflow, wrapped.
func (s *Server) getLatestPolicy(*apiRequest) (reply, error) {
	if err := s.routingReads(true); err != nil {
		return reply{}, err
	}
	return respondJSON(map[string]any{"workflow": s.currentWorkflow()})
}

// currentWorkflow is the current version as the reads answer it.
func (s *Server) currentWorkflow() map[string]any {
	version := ""
	if s.behavior.WorkflowVersionInGet {
		version = s.versionOf(s.state.workflow.current)
	}
	return s.state.currentVersion().wire(version)
}

// versionOf is the version a save names to replace the workflow version
// id, and the one its answer gives: the id itself, as the documents show
// it, or where the behavior gives GET /routing a version of its own, that
// version, which is not the id.
func (s *Server) versionOf(id string) string {
	if s.behavior.WorkflowVersionInGet {
		return "v-" + id
	}
	return id
}

func (s *Server) getWorkflowVersion(req *apiRequest) (reply, error) {
	if err := s.routingReads(false); err != nil {
		return reply{}, err
	}
	id := req.PathValue("workflowId")
	version, ok := s.state.workflow.versions[id]
	if !ok {
		return reply{}, notFound("workflow version %q not found", id)
	}
	return respondJSON(version.wire(""))
}

// saveBody is the body of POST /routing. The workflow's rules and its own
// fields are kept as sent.
type saveBody struct {
	CurrentVersion string                     `json:"currentVersion"`
	Workflow       map[string]json.RawMessage `json:"workflow"`
}

// saveWorkflow replaces every rule. currentVersion, when sent, guards
// against overwriting a change the client has not seen. The fields the
// workflow carries beyond its rules are stored with it; its id, date and
// version are the server's to give.
func (s *Server) saveWorkflow(req *apiRequest) (reply, error) {
	var body saveBody
	if err := req.decode(&body); err != nil {
		return reply{}, err
	}
	if current := s.versionOf(s.state.workflow.current); body.CurrentVersion != "" && body.CurrentVersion != current {
		return reply{}, conflict("workflow version %q is stale; current version is %q", body.CurrentVersion, current)
	}
	var bodies []json.RawMessage
	if raw, ok := body.Workflow["rules"]; ok {
		if err := json.Unmarshal(raw, &bodies); err != nil {
			return reply{}, badRequest("workflow.rules: %s", describeDecodeError(err))
		}
	}
	rules, err := storeWorkflowRules(bodies, s.behavior.RoutingSpelling)
	if err != nil {
		return reply{}, err
	}
	fields := map[string]json.RawMessage{}
	for name, value := range body.Workflow {
		switch name {
		case "id", "createdDate", "rules", "version":
		default:
			fields[name] = value
		}
	}
	s.state.replaceRules(rules, fields)
	return respondJSON(map[string]any{
		"rules":   ruleBodies(s.state.workflow.rules),
		"version": s.versionOf(s.state.workflow.current),
	})
}

// ruleRoute is the endpoint of a rule route, /policy/name/{name} (policy)
// or /routing/name/{name}, which serves it when the server serves that
// family.
func (s *Server) ruleRoute(policy bool, endpoint func(req *apiRequest, name string) (reply, error)) endpointFunc {
	return func(req *apiRequest) (reply, error) {
		if err := s.routingReads(policy); err != nil {
			return reply{}, err
		}
		return endpoint(req, req.PathValue("name"))
	}
}

func (s *Server) readRule(_ *apiRequest, name string) (reply, error) {
	i := s.state.ruleIndex(name)
	if i < 0 {
		return reply{}, routingRuleNotFound(name)
	}
	return s.ruleReply(s.state.workflow.rules[i])
}

func (s *Server) createRule(req *apiRequest, name string) (reply, error) {
	rule, err := s.decodeRoutingRule(req, name)
	if err != nil {
		return reply{}, err
	}
	if s.state.ruleIndex(name) >= 0 {
		return reply{}, conflict("routing rule %q already exists", name)
	}
	s.state.putRule(rule)
	return s.ruleReply(rule)
}

func (s *Server) updateRule(req *apiRequest, name string) (reply, error) {
	rule, err := s.decodeRoutingRule(req, name)
	if err != nil {
		return reply{}, err
	}
	if s.state.ruleIndex(name) < 0 {
		return reply{}, routingRuleNotFound(name)
	}
	s.state.putRule(rule)
	return s.ruleReply(rule)
}

func (s *Server) deleteRule(_ *apiRequest, name string) (reply, error) {
	if !s.state.removeRule(name) {
		return reply{}, routingRuleNotFound(name)
	}
	return respondNoContent()
}

// ruleReply answers with the rule as stored.
func (s *Server) ruleReply(rule storedRule) (reply, error) {
	return respondJSON(rule.body)
}

// decodeRoutingRule reads and checks the rule in the body of a request to
// a rule route. The name may be left out of the body; when it is there it
// must agree with the path.
func (s *Server) decodeRoutingRule(req *apiRequest, name string) (storedRule, error) {
	if req.body == nil {
		return storedRule{}, badRequest("request body is required")
	}
	return storeRule(req.body, name, s.behavior.RoutingSpelling)
}

func routingRuleNotFound(name string) error {
	return notFound("routing rule %q not found", name)
}
