package p0

import (
	"bytes"
	"encoding/json"
)

// The values the routing-rules document allows, and those P0's own client
// writes beside them. P0 may hold others: they are known values, not the
// only ones.
var (
	// RequestorTypes are the kinds of requestor a rule names.
	RequestorTypes = []string{"any", "group", "user", "agentic"}
	// AgentTypes are the kinds of agent an agentic requestor names.
	AgentTypes = []string{"any", "mcp-client", "agent-client", "agent-owner", "owner-group", "provider"}
	// AgentUserTypes are the kinds of user an agentic requestor acts for.
	AgentUserTypes = []string{"any", "group", "user", "none"}
	// ResourceTypes are the kinds of resource a rule covers.
	ResourceTypes = []string{"any", "integration"}
	// FilterEffects are what a resource filter does with what it matches.
	FilterEffects = []string{"keep", "remove", "removeAll"}
	// ApprovalTypes are the kinds of approval step.
	ApprovalTypes = []string{"auto", "deny", "escalation", "group", "persistent", "requestor-profile", "p0"}
	// GroupEffects are what a requestor's or an approval step's groups do:
	// keep the members of the groups listed, or remove them.
	GroupEffects = []string{"keep", "remove"}
)

// The routing rule's field names; those of more than one word have two
// spellings (see Spelling).
var (
	keyName               = word("name")
	keyDisabled           = word("disabled")
	keyRequestor          = word("requestor")
	keyResource           = word("resource")
	keyApproval           = word("approval")
	keyType               = word("type")
	keyUID                = word("uid")
	keyGroups             = word("groups")
	keyEffect             = word("effect")
	keyService            = word("service")
	keyAccessType         = key{"access_type", "accessType"}
	keyFilters            = word("filters")
	keyKey                = word("key")
	keyValue              = word("value")
	keyPattern            = word("pattern")
	keyDirectory          = word("directory")
	keyIntegration        = word("integration")
	keyProfileProperty    = key{"profile_property", "profileProperty"}
	keyServices           = word("services")
	keyOptions            = word("options")
	keyAllowOneParty      = key{"allow_one_party", "allowOneParty"}
	keyRequireReason      = key{"require_reason", "requireReason"}
	keyCooldown           = word("cooldown")
	keyDuration           = word("duration")
	keyRequireDuration    = key{"require_duration", "requireDuration"}
	keyRequirePreapproval = key{"require_preapproval", "requirePreapproval"}
	keyBreakGlassApprover = key{"break_glass_approver", "breakGlassApprover"}
	keyID                 = word("id")
	keyLabel              = word("label")
	keyAgent              = word("agent")
	keyUser               = word("user")
	keyClientID           = key{"client_id", "clientId"}
	keyOwner              = word("owner")
	keyProviderID         = key{"provider_id", "providerId"}
	keySubjectPattern     = key{"subject_pattern", "subjectPattern"}
)

// RoutingRule is one rule of the routing (access request) workflow. Every
// object in it keeps what P0 sent that this client does not model
// (Unmanaged), to send it back; see wire_object.go.
type RoutingRule struct {
	Name      string
	Disabled  bool
	Requestor RuleRequestor
	Resource  RuleResource
	Approval  []Approval
	Unmanaged Unmanaged
}

// RuleRequestor says who may make a request: "any", a "group" (named by
// uid, as the documents show, or by groups and effect, as P0's own client
// writes), a "user", or, as P0's own client writes, an "agentic" requestor:
// an agent acting for a user.
type RuleRequestor struct {
	Type      string
	UID       string
	Groups    []Group
	Effect    string
	Agent     *RequestorAgent
	User      *RequestorUser
	Unmanaged Unmanaged
}

// GroupNamedOtherwise says that q is a group named by neither uid nor
// groups: as P0's own provider 0.15 and 0.16 wrote a group requestor, by
// directory, id and label, which this client keeps as unmanaged fields.
func (q RuleRequestor) GroupNamedOtherwise() bool {
	return q.Type == "group" && q.UID == "" && len(q.Groups) == 0
}

// RequestorAgent is the agent of an agentic requestor: any agent, an MCP
// or agent client, the agents of an owner or of an owner's groups, or
// those an identity provider vouches for.
type RequestorAgent struct {
	Type           string
	ClientID       string
	Owner          string
	ProviderID     string
	SubjectPattern string
	Groups         AgentGroups
	Effect         string
	Unmanaged      Unmanaged
}

// AgentGroups are an agent's groups. P0 holds an owner-group agent's
// inside an object of their own, with their effect ({"type": "group",
// "groups": [...], "effect": ...}); Wrapped says so, and Effect is then
// theirs.
type AgentGroups struct {
	Groups  []Group
	Effect  string
	Wrapped bool
}

// RequestorUser is the user an agentic requestor's agent acts for.
type RequestorUser struct {
	Type      string
	UID       string
	Groups    []Group
	Effect    string
	Unmanaged Unmanaged
}

// RuleResource says what may be requested.
type RuleResource struct {
	Type       string
	Service    string
	AccessType string
	Filters    map[string]ResourceFilter
	Unmanaged  Unmanaged
}

// ResourceFilter narrows an integration resource by one of its properties.
type ResourceFilter struct {
	Effect    string
	Key       string
	Value     *bool
	Pattern   string
	Unmanaged Unmanaged
}

// Approval is one approval step of a rule.
type Approval struct {
	Type            string
	Directory       string
	Integration     string
	ProfileProperty string
	Services        []string
	Groups          []Group
	Effect          string
	Options         *ApprovalOptions
	Unmanaged       Unmanaged
}

// ApprovalOptions tune an approval step. Pointers distinguish "not set"
// from false and zero.
type ApprovalOptions struct {
	AllowOneParty      *bool
	RequireReason      *bool
	Cooldown           *int64
	Duration           *int64
	RequireDuration    *bool
	RequirePreapproval *bool
	BreakGlassApprover *bool
	Unmanaged          Unmanaged
}

// Group is a directory group that a requestor or an approval step names.
type Group struct {
	Directory string
	ID        string
	Label     string
	Unmanaged Unmanaged
}

func (r *RoutingRule) fields() []field {
	return []field{
		{key: keyName, value: &r.Name, always: true, strict: true},
		{key: keyDisabled, value: &r.Disabled, always: true},
		{key: keyRequestor, value: &r.Requestor, always: true, strict: true},
		{key: keyResource, value: &r.Resource, always: true, strict: true},
		{key: keyApproval, value: &r.Approval, always: true, strict: true},
	}
}

func (q *RuleRequestor) fields() []field {
	return []field{
		{key: keyType, value: &q.Type, always: true},
		{key: keyUID, value: &q.UID},
		{key: keyGroups, value: &q.Groups},
		{key: keyEffect, value: &q.Effect},
		{key: keyAgent, value: &q.Agent},
		{key: keyUser, value: &q.User},
	}
}

func (a *RequestorAgent) fields() []field {
	return []field{
		{key: keyType, value: &a.Type, always: true},
		{key: keyClientID, value: &a.ClientID},
		{key: keyOwner, value: &a.Owner},
		{key: keyProviderID, value: &a.ProviderID},
		{key: keySubjectPattern, value: &a.SubjectPattern},
		{key: keyGroups, value: &a.Groups},
		{key: keyEffect, value: &a.Effect},
	}
}

func (u *RequestorUser) fields() []field {
	return []field{
		{key: keyType, value: &u.Type, always: true},
		{key: keyUID, value: &u.UID},
		{key: keyGroups, value: &u.Groups},
		{key: keyEffect, value: &u.Effect},
	}
}

func (r *RuleResource) fields() []field {
	return []field{
		{key: keyType, value: &r.Type, always: true},
		{key: keyService, value: &r.Service},
		{key: keyAccessType, value: &r.AccessType},
		{key: keyFilters, value: &r.Filters},
	}
}

func (f *ResourceFilter) fields() []field {
	return []field{
		{key: keyEffect, value: &f.Effect, always: true},
		{key: keyKey, value: &f.Key},
		{key: keyValue, value: &f.Value},
		{key: keyPattern, value: &f.Pattern},
	}
}

func (a *Approval) fields() []field {
	return []field{
		{key: keyType, value: &a.Type, always: true},
		{key: keyDirectory, value: &a.Directory},
		{key: keyIntegration, value: &a.Integration},
		{key: keyProfileProperty, value: &a.ProfileProperty},
		{key: keyServices, value: &a.Services},
		{key: keyGroups, value: &a.Groups},
		{key: keyEffect, value: &a.Effect},
		{key: keyOptions, value: &a.Options},
	}
}

func (o *ApprovalOptions) fields() []field {
	return []field{
		{key: keyAllowOneParty, value: &o.AllowOneParty},
		{key: keyRequireReason, value: &o.RequireReason},
		{key: keyCooldown, value: &o.Cooldown},
		{key: keyDuration, value: &o.Duration},
		{key: keyRequireDuration, value: &o.RequireDuration},
		{key: keyRequirePreapproval, value: &o.RequirePreapproval},
		{key: keyBreakGlassApprover, value: &o.BreakGlassApprover},
	}
}

// SetsModeled reports whether the options set any field the client
// models: P0 may hold options with nothing but its own.
func (o *ApprovalOptions) SetsModeled() bool {
	for _, f := range o.fields() {
		if !isEmpty(f.get()) {
			return true
		}
	}
	return false
}

func (g *Group) fields() []field {
	return []field{
		{key: keyDirectory, value: &g.Directory},
		{key: keyID, value: &g.ID},
		{key: keyLabel, value: &g.Label},
	}
}

func (r *RoutingRule) unmanaged() *Unmanaged     { return &r.Unmanaged }
func (q *RuleRequestor) unmanaged() *Unmanaged   { return &q.Unmanaged }
func (a *RequestorAgent) unmanaged() *Unmanaged  { return &a.Unmanaged }
func (u *RequestorUser) unmanaged() *Unmanaged   { return &u.Unmanaged }
func (r *RuleResource) unmanaged() *Unmanaged    { return &r.Unmanaged }
func (f *ResourceFilter) unmanaged() *Unmanaged  { return &f.Unmanaged }
func (a *Approval) unmanaged() *Unmanaged        { return &a.Unmanaged }
func (o *ApprovalOptions) unmanaged() *Unmanaged { return &o.Unmanaged }
func (g *Group) unmanaged() *Unmanaged           { return &g.Unmanaged }

// JSON in either spelling is read; JSON is written in the documents'
// spelling. The client writes in the spelling P0 takes (see
// Client.spelling).

func (r *RoutingRule) UnmarshalJSON(data []byte) error     { return decodeObject(data, r) }
func (q *RuleRequestor) UnmarshalJSON(data []byte) error   { return decodeObject(data, q) }
func (a *RequestorAgent) UnmarshalJSON(data []byte) error  { return decodeObject(data, a) }
func (u *RequestorUser) UnmarshalJSON(data []byte) error   { return decodeObject(data, u) }
func (r *RuleResource) UnmarshalJSON(data []byte) error    { return decodeObject(data, r) }
func (f *ResourceFilter) UnmarshalJSON(data []byte) error  { return decodeObject(data, f) }
func (a *Approval) UnmarshalJSON(data []byte) error        { return decodeObject(data, a) }
func (o *ApprovalOptions) UnmarshalJSON(data []byte) error { return decodeObject(data, o) }
func (g *Group) UnmarshalJSON(data []byte) error           { return decodeObject(data, g) }

func (r RoutingRule) MarshalJSON() ([]byte, error)     { return marshalObject(SnakeCase, &r) }
func (q RuleRequestor) MarshalJSON() ([]byte, error)   { return marshalObject(SnakeCase, &q) }
func (a RequestorAgent) MarshalJSON() ([]byte, error)  { return marshalObject(SnakeCase, &a) }
func (u RequestorUser) MarshalJSON() ([]byte, error)   { return marshalObject(SnakeCase, &u) }
func (r RuleResource) MarshalJSON() ([]byte, error)    { return marshalObject(SnakeCase, &r) }
func (f ResourceFilter) MarshalJSON() ([]byte, error)  { return marshalObject(SnakeCase, &f) }
func (a Approval) MarshalJSON() ([]byte, error)        { return marshalObject(SnakeCase, &a) }
func (o ApprovalOptions) MarshalJSON() ([]byte, error) { return marshalObject(SnakeCase, &o) }
func (g Group) MarshalJSON() ([]byte, error)           { return marshalObject(SnakeCase, &g) }

// UnmarshalJSON reads the groups as a list, or as P0 holds an owner-group
// agent's, inside an object with their effect.
func (g *AgentGroups) UnmarshalJSON(data []byte) error {
	*g = AgentGroups{}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return json.Unmarshal(data, &g.Groups)
	}
	var wrapped struct {
		Groups []Group `json:"groups"`
		Effect string  `json:"effect"`
	}
	if err := json.Unmarshal(data, &wrapped); err != nil {
		return err
	}
	*g = AgentGroups{Groups: wrapped.Groups, Effect: wrapped.Effect, Wrapped: true}
	return nil
}

// MarshalJSON writes the groups as P0 holds them.
func (g AgentGroups) MarshalJSON() ([]byte, error) {
	if !g.Wrapped {
		return json.Marshal(g.Groups)
	}
	return json.Marshal(map[string]any{"type": "group", "groups": g.Groups, "effect": g.Effect})
}

// Workflow is the organization's whole routing configuration. ID names the
// version; saving it again requires that version as CurrentVersion.
type Workflow struct {
	ID          string
	CreatedDate string
	Rules       []RoutingRule
	// Version is given beside ID by some P0s in GET /routing; the
	// documents show it only in the answer to a save.
	Version   string
	Unmanaged Unmanaged
}

var (
	keyCreatedDate = word("createdDate")
	keyRules       = word("rules")
	keyVersion     = word("version")
)

func (w *Workflow) fields() []field {
	return []field{
		{key: keyID, value: &w.ID},
		{key: keyCreatedDate, value: &w.CreatedDate},
		{key: keyRules, value: &w.Rules, always: true, strict: true},
		{key: keyVersion, value: &w.Version},
	}
}

func (w *Workflow) unmanaged() *Unmanaged           { return &w.Unmanaged }
func (w *Workflow) UnmarshalJSON(data []byte) error { return decodeObject(data, w) }
func (w Workflow) MarshalJSON() ([]byte, error)     { return marshalObject(SnakeCase, &w) }

// CurrentVersion is the version a save must name to replace this workflow
// (SaveWorkflowRequest.CurrentVersion): its version where P0 gives one,
// else its id.
func (w Workflow) CurrentVersion() string {
	if w.Version != "" {
		return w.Version
	}
	return w.ID
}

// SaveWorkflowRequest is the body of POST /o/{org}/routing, in the
// documents' spelling; the client writes it in the spelling P0 takes.
type SaveWorkflowRequest struct {
	CurrentVersion string   `json:"currentVersion,omitempty"`
	Workflow       Workflow `json:"workflow"`
}

// SaveWorkflowResponse is what P0 answers to a saved workflow: the rules
// and the new version, as the documents show them, or wrapped in
// "workflow", as P0's own client reads them.
type SaveWorkflowResponse struct {
	Rules   []RoutingRule `json:"rules"`
	Version string        `json:"version"`
}

// rules is the rules P0 saved, or none when there is no answer.
func (r *SaveWorkflowResponse) rules() []RoutingRule {
	if r == nil {
		return nil
	}
	return r.Rules
}

func (r *SaveWorkflowResponse) UnmarshalJSON(data []byte) error {
	type plain SaveWorkflowResponse
	var wrapped struct {
		Workflow *plain `json:"workflow"`
	}
	if err := json.Unmarshal(data, &wrapped); err != nil {
		return err
	}
	if wrapped.Workflow != nil {
		*r = SaveWorkflowResponse(*wrapped.Workflow)
		return nil
	}
	return json.Unmarshal(data, (*plain)(r))
}

// latestPolicy is the answer to GET /policy/latest: the workflow, wrapped
// in "workflow". An answer without that field is read as the workflow
// itself, and a null one as a workflow with no rules yet.
type latestPolicy struct {
	Workflow Workflow
}

func (p *latestPolicy) UnmarshalJSON(data []byte) error {
	var wrapped map[string]json.RawMessage
	if err := json.Unmarshal(data, &wrapped); err != nil {
		return err
	}
	if inner, ok := wrapped["workflow"]; ok {
		data = inner
	}
	return json.Unmarshal(data, &p.Workflow)
}
