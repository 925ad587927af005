package p0

// The values the routing-rules document allows.
var (
	// RequestorTypes are the kinds of requestor a rule names.
	RequestorTypes = []string{"any", "group", "user"}
	// RequestorTypesWithUID are the requestor types that name one group or
	// user by its uid.
	RequestorTypesWithUID = []string{"group", "user"}
	// ResourceTypes are the kinds of resource a rule covers.
	ResourceTypes = []string{"any", "integration"}
	// FilterEffects are what a resource filter does with what it matches.
	FilterEffects = []string{"keep", "remove", "removeAll"}
	// ApprovalTypes are the kinds of approval step.
	ApprovalTypes = []string{"auto", "deny", "escalation", "group", "persistent", "requestor-profile", "p0"}
)

// RoutingRule is one rule of the routing (access request) workflow. The JSON
// names are exactly those of the routing-rules document, including its
// snake_case option fields.
type RoutingRule struct {
	Name      string        `json:"name"`
	Disabled  bool          `json:"disabled"`
	Requestor RuleRequestor `json:"requestor"`
	Resource  RuleResource  `json:"resource"`
	Approval  []Approval    `json:"approval"`
}

// RuleRequestor says who may make a request: "any", a "group" or a "user".
type RuleRequestor struct {
	Type string `json:"type"`
	UID  string `json:"uid,omitempty"`
}

// RuleResource says what may be requested.
type RuleResource struct {
	Type    string                    `json:"type"`
	Service string                    `json:"service,omitempty"`
	Filters map[string]ResourceFilter `json:"filters,omitempty"`
}

// ResourceFilter narrows an integration resource by one of its properties.
type ResourceFilter struct {
	Effect  string `json:"effect"`
	Key     string `json:"key,omitempty"`
	Value   *bool  `json:"value,omitempty"`
	Pattern string `json:"pattern,omitempty"`
}

// Approval is one approval step of a rule.
type Approval struct {
	Type            string           `json:"type"`
	Directory       string           `json:"directory,omitempty"`
	Integration     string           `json:"integration,omitempty"`
	ProfileProperty string           `json:"profile_property,omitempty"`
	Services        []string         `json:"services,omitempty"`
	Options         *ApprovalOptions `json:"options,omitempty"`
}

// ApprovalOptions tune an approval step. Pointers distinguish "not set"
// from false and zero.
type ApprovalOptions struct {
	AllowOneParty *bool  `json:"allow_one_party,omitempty"`
	RequireReason *bool  `json:"require_reason,omitempty"`
	Cooldown      *int64 `json:"cooldown,omitempty"`
	Duration      *int64 `json:"duration,omitempty"`
}

// Workflow is the organization's whole routing configuration. ID names the
// version; saving it again requires that version as CurrentVersion.
type Workflow struct {
	ID          string        `json:"id,omitempty"`
	CreatedDate string        `json:"createdDate,omitempty"`
	Rules       []RoutingRule `json:"rules"`
	// Version is given beside ID by some P0s in GET /routing; the
	// documents show it only in the answer to a save.
	Version string `json:"version,omitempty"`
}

// CurrentVersion is the version a save must name to replace this workflow
// (SaveWorkflowRequest.CurrentVersion): its version where P0 gives one,
// else its id.
func (w Workflow) CurrentVersion() string {
	if w.Version != "" {
		return w.Version
	}
	return w.ID
}

// SaveWorkflowRequest is the body of POST /o/{org}/routing.
type SaveWorkflowRequest struct {
	CurrentVersion string   `json:"currentVersion,omitempty"`
	Workflow       Workflow `json:"workflow"`
}

// SaveWorkflowResponse is what P0 answers to a saved workflow: the rules
// and the new version.
type SaveWorkflowResponse struct {
	Rules   []RoutingRule `json:"rules"`
	Version string        `json:"version"`
}
