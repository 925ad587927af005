package p0mock

import "github.com/p0-security/terraform-provider-p0/internal/p0"

// Endpoints of the AWS integration document. Items go through the states
// stage → configure (verify) → installed (configure), and the handlers
// refuse every step taken out of order, as P0 does.

func (s *Server) installAWSIntegration(req *apiRequest) (reply, error) {
	if err := req.expectNoFields(); err != nil {
		return reply{}, err
	}
	// Installing again keeps every item: it is harmless, or refused with 409
	// where the behavior says so.
	if s.state.aws.installed && s.behavior.RootExistsConflict {
		return reply{}, conflict("the AWS integration is already installed")
	}
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
		return reply{}, s.behavior.rootMissing()
	}
	if err := writableComponent(component, "staged"); err != nil {
		return reply{}, err
	}
	account, err := accountOf(component, id)
	if err != nil {
		return reply{}, err
	}
	if _, exists := s.state.aws.items[component][id]; exists && !s.behavior.RestageExisting {
		return reply{}, conflict("item %q already exists in component %s", id, component)
	}
	s.state.stage(component, id, account, s.behavior.VerifyRefusals)
	return s.writeAnswer(component, id)
}

// writeAnswer answers a stage, verify or configure of an item: {"ok": true},
// or with the item and its metadata where the behavior says so.
func (s *Server) writeAnswer(component, id string) (reply, error) {
	if !s.behavior.RichWriteAnswers {
		return respondOK()
	}
	record := s.state.aws.items[component][id]
	return respondJSON(p0.AWSComponentItem{OK: true, Item: cloneAWSItem(record.item), Metadata: record.metadata})
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
	component, id := req.PathValue("component"), req.PathValue("id")
	if message, failing := s.state.aws.verificationFailures[id]; failing {
		return reply{}, badRequest("%s", message)
	}
	if record.verifyRefusals > 0 {
		// AWS has not propagated the role yet: refused, as when it is missing.
		record.verifyRefusals--
		s.state.aws.items[component][id] = record
		return reply{}, badRequest("could not assume role %s in account %s: the role was not found or cannot be assumed yet",
			record.metadata.RoleName, id)
	}
	record.item.State = p0.StateConfigure
	s.state.aws.items[component][id] = record
	return s.writeAnswer(component, id)
}

// configureAWSItem installs a verified item, or reconfigures an installed
// one, which P0 verifies again first: a verification made to fail
// (FailVerification) refuses it. The body replaces the whole
// configuration.
func (s *Server) configureAWSItem(req *apiRequest) (reply, error) {
	body, err := decodeConfigure(req)
	if err != nil {
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
	if message, failing := s.state.aws.verificationFailures[req.PathValue("id")]; failing && record.item.State == p0.StateInstalled {
		return reply{}, badRequest("%s", message)
	}
	item, err := body.installedItem(component)
	if err != nil {
		return reply{}, err
	}
	record.item = item
	s.state.aws.items[component][req.PathValue("id")] = record
	return s.writeAnswer(component, req.PathValue("id"))
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
