package p0mock

import "fmt"

// state is everything the fake P0 remembers for its organization. It is
// guarded by Server.mu; nothing outside the lock may hold references into
// it, which is why accessors and answers copy.
type state struct {
	org          string
	serial       int // last number handed out by newID
	workflow     workflowState
	integrations map[string]*integrationStore // by key
	// verificationFailures are what verifying an item reports, by item id
	// (FailVerification).
	verificationFailures map[string]string
	settings             settingsState
	commands             commandState
	roles                roleState
}

func newState(org string) *state {
	st := &state{
		org:                  org,
		integrations:         newIntegrationStores(),
		verificationFailures: map[string]string{},
		settings:             defaultSettings(),
		commands:             newCommandState(),
		roles:                newRoleState(),
	}
	st.workflow.versions = map[string]workflowVersion{}
	st.commitWorkflow() // P0 always has a workflow, if only an empty one
	return st
}

// newID returns an id unique within this server, prefixed by what it names.
func (st *state) newID(prefix string) string {
	st.serial++
	return fmt.Sprintf("%s-%06d", prefix, st.serial)
}
