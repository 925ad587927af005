package p0mock

import "github.com/p0-security/terraform-provider-p0/internal/p0"

// Endpoints of the routing-rules document: the whole workflow, its
// versions, and single rules addressed by name. Every change makes a new
// workflow version.

func (s *Server) getWorkflow(*apiRequest) (reply, error) {
	workflow := s.state.currentWorkflow()
	if s.behavior.WorkflowVersionInGet {
		workflow.Version = s.versionOf(workflow.ID)
	}
	return respondJSON(workflow)
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
	id := req.PathValue("workflowId")
	workflow, ok := s.state.workflowVersion(id)
	if !ok {
		return reply{}, notFound("workflow version %q not found", id)
	}
	return respondJSON(workflow)
}

// saveWorkflow replaces every rule. currentVersion, when sent, guards
// against overwriting a change the client has not seen.
func (s *Server) saveWorkflow(req *apiRequest) (reply, error) {
	var body p0.SaveWorkflowRequest
	if err := req.decode(&body); err != nil {
		return reply{}, err
	}
	if current := s.versionOf(s.state.workflow.current); body.CurrentVersion != "" && body.CurrentVersion != current {
		return reply{}, conflict("workflow version %q is stale; current version is %q", body.CurrentVersion, current)
	}
	if err := validateWorkflowRules(body.Workflow.Rules); err != nil {
		return reply{}, err
	}
	s.state.replaceRules(body.Workflow.Rules)
	return respondJSON(p0.SaveWorkflowResponse{
		Rules:   s.state.workflow.rules,
		Version: s.versionOf(s.state.workflow.current),
	})
}

func (s *Server) getRoutingRule(req *apiRequest) (reply, error) {
	name := req.PathValue("name")
	i := s.state.ruleIndex(name)
	if i < 0 {
		return reply{}, routingRuleNotFound(name)
	}
	return respondJSON(s.state.workflow.rules[i])
}

func (s *Server) createRoutingRule(req *apiRequest) (reply, error) {
	rule, err := decodeRoutingRule(req)
	if err != nil {
		return reply{}, err
	}
	if s.state.ruleIndex(rule.Name) >= 0 {
		return reply{}, conflict("routing rule %q already exists", rule.Name)
	}
	s.state.putRule(rule)
	return respondJSON(rule)
}

func (s *Server) updateRoutingRule(req *apiRequest) (reply, error) {
	rule, err := decodeRoutingRule(req)
	if err != nil {
		return reply{}, err
	}
	if s.state.ruleIndex(rule.Name) < 0 {
		return reply{}, routingRuleNotFound(rule.Name)
	}
	s.state.putRule(rule)
	return respondJSON(rule)
}

func (s *Server) deleteRoutingRule(req *apiRequest) (reply, error) {
	name := req.PathValue("name")
	if !s.state.removeRule(name) {
		return reply{}, routingRuleNotFound(name)
	}
	return respondNoContent()
}

// decodeRoutingRule reads and validates the rule in the body of a request
// to /routing/name/{name}. The name may be left out of the body; when it is
// there it must agree with the path.
func decodeRoutingRule(req *apiRequest) (p0.RoutingRule, error) {
	name := req.PathValue("name")
	var rule p0.RoutingRule
	if err := req.decode(&rule); err != nil {
		return rule, err
	}
	if rule.Name != "" && rule.Name != name {
		return rule, badRequest("name %q in the body does not match %q in the path", rule.Name, name)
	}
	rule.Name = name
	return rule, validateRule(rule)
}

func routingRuleNotFound(name string) error {
	return notFound("routing rule %q not found", name)
}
