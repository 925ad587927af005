package p0mock

import (
	"slices"
	"strings"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// The AWS integration as its document describes it, on the install engine
// (integration.go). Items go through the states stage → configure (verify)
// → installed (configure), and the handlers refuse every step taken out
// of order, as P0 does.

// awsComponents lists every component, base first, as the integration
// answers them.
var awsComponents = append([]string{p0.ComponentBase}, p0.InstallableComponents...)

// awsKind is the AWS integration.
type awsKind struct{}

func (awsKind) name() string { return "AWS" }

func (awsKind) components() []string { return awsComponents }

// richAnswers: the document answers writes with {"ok": true}
// (Behavior.RichWriteAnswers adds the item).
func (awsKind) richAnswers() bool { return false }

// install creates the root. Installing again keeps every item: it is
// harmless, or refused with 409 where the behavior says so.
func (awsKind) install(s *Server, store *integrationStore, req *apiRequest) (reply, error) {
	if err := req.expectNoFields(); err != nil {
		return reply{}, err
	}
	if store.installed && s.behavior.RootExistsConflict {
		return reply{}, conflict("the AWS integration is already installed")
	}
	store.installed = true
	return respondOK()
}

// config is every component's items at the top of the answer, as the
// document shows.
func (awsKind) config(_ *Server, store *integrationStore) any {
	return store.itemsOf()
}

// writable checks that clients may change items of component: it must
// exist and must not be base, which P0 manages itself.
func (awsKind) writable(component, action string) error {
	if component == p0.ComponentBase && action != "read" {
		return badRequest("the base component is managed by P0 and cannot be %s", action)
	}
	if !slices.Contains(awsComponents, component) {
		return notFound("unknown AWS component %q; expected one of %s", component, strings.Join(awsComponents, ", "))
	}
	return nil
}

// stage creates an item in state stage, with the metadata the AWS side
// needs, or where the behavior says so puts an existing one back in stage
// with the metadata it has. The first item staged also creates the base
// item for its account, as P0 does.
func (awsKind) stage(s *Server, store *integrationStore, component, id string, req *apiRequest) error {
	fields, err := stageFields(s, req)
	if err != nil {
		return err
	}
	account, err := accountOf(component, id)
	if err != nil {
		return err
	}
	record, exists := store.items[component][id]
	if exists && !s.behavior.RestageExisting {
		return conflict("item %q already exists in component %s", id, component)
	}
	if len(store.items[p0.ComponentBase]) == 0 {
		store.items[p0.ComponentBase][account] = &itemRecord{item: objectOf(baseItem(s.state.org))}
	}
	if !exists {
		record = &itemRecord{metadata: objectOf(stagedMetadata(s.state.org, component, id))}
	}
	record.item = fields
	record.setState(p0.StateStage)
	record.verifyRefusals = s.behavior.VerifyRefusals
	store.items[component][id] = record
	return nil
}

// stageFields are what a stage sets in a new item: nothing, as the
// documents show it, or, where P0 takes its own client's bodies, the label
// and partition that client sends (null where unset).
func stageFields(s *Server, req *apiRequest) (p0.Object, error) {
	if !s.behavior.AWSClientBodies {
		return p0.Object{}, req.expectNoFields()
	}
	var body p0.Object
	if err := req.decodeOptional(&body); err != nil {
		return nil, err
	}
	fields := p0.Object{}
	for name, value := range body {
		switch {
		case name != "label" && name != "state" && name != "awsPartition":
			return nil, badRequest("request body: unknown field %q", name)
		case name != "state" && string(value) != "null":
			fields[name] = value
		}
	}
	return fields, nil
}

// verify takes the document's body, {"state": "stage"}, and moves a staged
// item to configure; where P0 takes its own client's bodies, the whole
// configuration with a state of "" too.
func (awsKind) verify(s *Server, _, id string, record *itemRecord, req *apiRequest) error {
	var body struct {
		State string `json:"state"`
	}
	if err := req.decodeLenient(&body, s.behavior.AWSClientBodies); err != nil {
		return err
	}
	if body.State == "" && s.behavior.AWSClientBodies {
		body.State = p0.StateStage
	}
	if body.State != p0.StateStage {
		return badRequest(`verify expects the body {"state":"stage"}; got state %q`, body.State)
	}
	if state := record.state(); state != p0.StateStage {
		return badRequest("item is in state %s; verify requires stage", state)
	}
	err := s.refuseVerification(id, record, func() error {
		// AWS has not propagated the role yet: refused, as when it is missing.
		return badRequest("could not assume role %s in account %s: the role was not found or cannot be assumed yet",
			stringField(record.metadata, "roleName"), id)
	})
	if err != nil {
		return err
	}
	record.setState(p0.StateConfigure)
	return nil
}

// configure installs a verified item, or reconfigures an installed one,
// which P0 verifies again first: a verification made to fail
// (FailVerification) refuses it. The body replaces the whole
// configuration.
func (awsKind) configure(s *Server, component, id string, record *itemRecord, req *apiRequest) error {
	body, err := decodeConfigure(req)
	if err != nil {
		return err
	}
	if body.State == "" && s.behavior.AWSClientBodies {
		body.State = p0.StateConfigure // as P0's own client sends it
	}
	if body.State != p0.StateConfigure {
		return badRequest(`state must be "configure"; got %q`, body.State)
	}
	state := record.state()
	if state == p0.StateStage {
		return badRequest("item is in state stage; verify it first")
	}
	if message, failing := s.state.verificationFailures[id]; failing && state == p0.StateInstalled {
		return badRequest("%s", message)
	}
	item, err := body.installedItem(component)
	if err != nil {
		return err
	}
	record.item = objectOf(item)
	return nil
}

// accountOf checks the form of an item id and returns the AWS account the
// item lives in: the id itself, or for function-caller the account in the
// function's ARN.
func accountOf(component, id string) (string, error) {
	if component == p0.ComponentFunctionCaller {
		match := p0.LambdaARNPattern.FindStringSubmatch(id)
		if match == nil {
			return "", badRequest("item id %q must be a Lambda function ARN (arn:aws:lambda:<region>:<account id>:function:<name>)", id)
		}
		return match[1], nil
	}
	if !p0.AccountIDPattern.MatchString(id) {
		return "", badRequest("item id %q must be a 12-digit AWS account id", id)
	}
	return id, nil
}
