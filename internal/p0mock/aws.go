package p0mock

import "github.com/p0-security/terraform-provider-p0/internal/p0"

// Endpoints of the AWS integration document. Items go through the states
// stage → configure (verify) → installed (configure), and the handlers
// refuse every step taken out of order, as P0 does.

func (s *Server) installAWSIntegration(req *apiRequest) (reply, error) {
	if err := req.expectNoFields(); err != nil {
		return reply{}, err
	}
	// Installing again is harmless and keeps every item, so that parallel
	// creates can each make sure the root exists.
	s.state.aws.installed = true
	return respondOK()
}

func (s *Server) getAWSIntegration(*apiRequest) (reply, error) {
	if !s.state.aws.installed {
		return reply{}, notFound("the AWS integration is not installed")
	}
	return respondJSON(s.state.aws.integration())
}

func (s *Server) uninstallAWSIntegration(*apiRequest) (reply, error) {
	s.state.aws.installed = false
	s.state.aws.removeAllItems()
	return respondNoContent()
}

func (s *Server) getAWSItem(req *apiRequest) (reply, error) {
	record, err := s.state.aws.lookup(req.PathValue("component"), req.PathValue("id"))
	if err != nil {
		return reply{}, err
	}
	return respondJSON(p0.AWSComponentItem{OK: true, Item: record.item, Metadata: record.metadata})
}

// stageAWSItem is the PUT that starts an item's installation.
func (s *Server) stageAWSItem(req *apiRequest) (reply, error) {
	if err := req.expectNoFields(); err != nil {
		return reply{}, err
	}
	component, id := req.PathValue("component"), req.PathValue("id")
	if !s.state.aws.installed {
		return reply{}, notFound("the AWS integration is not installed; POST /o/{org}/integrations/aws/config first")
	}
	if err := writableComponent(component, "staged"); err != nil {
		return reply{}, err
	}
	account, err := accountOf(component, id)
	if err != nil {
		return reply{}, err
	}
	if _, exists := s.state.aws.items[component][id]; exists {
		return reply{}, conflict("item %q already exists in component %s", id, component)
	}
	s.state.stage(component, id, account)
	return respondOK()
}

func (s *Server) deleteAWSItem(req *apiRequest) (reply, error) {
	component, id := req.PathValue("component"), req.PathValue("id")
	if err := writableComponent(component, "deleted"); err != nil {
		return reply{}, err
	}
	if err := s.state.aws.remove(component, id); err != nil {
		return reply{}, err
	}
	return respondNoContent()
}

// verifyAWSItem moves an item from stage to configure, unless a test has
// made verification fail for it (FailVerification), which leaves it in
// stage as when the AWS side is not set up yet.
func (s *Server) verifyAWSItem(req *apiRequest) (reply, error) {
	var body struct {
		State string `json:"state"`
	}
	if err := req.decode(&body); err != nil {
		return reply{}, err
	}
	if body.State != p0.StateStage {
		return reply{}, badRequest(`verify expects the body {"state":"stage"}; got state %q`, body.State)
	}
	record, err := s.writableItem(req, "verified")
	if err != nil {
		return reply{}, err
	}
	if record.item.State != p0.StateStage {
		return reply{}, badRequest("item is in state %s; verify requires stage", record.item.State)
	}
	id := req.PathValue("id")
	if message, failing := s.state.aws.verificationFailures[id]; failing {
		return reply{}, badRequest("%s", message)
	}
	record.item.State = p0.StateConfigure
	s.state.aws.items[req.PathValue("component")][id] = record
	return respondOK()
}

// configureAWSItem installs a verified item, or reconfigures an installed
// one. The body replaces the whole configuration.
func (s *Server) configureAWSItem(req *apiRequest) (reply, error) {
	var body configureRequest
	if err := req.decode(&body); err != nil {
		return reply{}, err
	}
	if body.State != p0.StateConfigure {
		return reply{}, badRequest(`state must be "configure"; got %q`, body.State)
	}
	component := req.PathValue("component")
	record, err := s.writableItem(req, "configured")
	if err != nil {
		return reply{}, err
	}
	if record.item.State == p0.StateStage {
		return reply{}, badRequest("item is in state stage; verify it first")
	}
	item, err := body.installedItem(component)
	if err != nil {
		return reply{}, err
	}
	record.item = item
	s.state.aws.items[component][req.PathValue("id")] = record
	return respondOK()
}

// writableItem finds the item a verify or configure request names, refusing
// base items, which only P0 changes.
func (s *Server) writableItem(req *apiRequest, action string) (awsRecord, error) {
	component := req.PathValue("component")
	if err := writableComponent(component, action); err != nil {
		return awsRecord{}, err
	}
	return s.state.aws.lookup(component, req.PathValue("id"))
}
