package p0

import "regexp"

// AWS integration component names. ComponentBase is created by P0 itself and
// is never written by clients.
const (
	ComponentBase           = "base"
	ComponentIAMAssessment  = "iam-assessment"
	ComponentIAMWrite       = "iam-write"
	ComponentFunctionCaller = "function-caller"
	ComponentAccessLogs     = "access-logs"
	ComponentInventory      = "inventory"
)

// InstallableComponents lists the components a client may stage, verify,
// configure and delete, in the order P0's documents present them.
var InstallableComponents = []string{
	ComponentIAMAssessment,
	ComponentIAMWrite,
	ComponentFunctionCaller,
	ComponentAccessLogs,
	ComponentInventory,
}

// AllComponents lists every component, base included, in the order P0's
// documents present them.
var AllComponents = append([]string{ComponentBase}, InstallableComponents...)

// The forms of an item's id: an AWS account id, or for function-caller a
// Lambda function ARN, optionally qualified by a version or alias, whose
// first group is the function's account. The partition is open-ended
// (aws, aws-cn, aws-us-gov, ...).
var (
	AccountIDPattern = regexp.MustCompile(`^[0-9]{12}$`)
	LambdaARNPattern = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[a-z0-9-]+:([0-9]{12}):function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$`)
)

// How users of an iam-write account sign in (AWSLogin.Type), and how P0
// finds a user's AWS identity (AWSLoginIdentity.Type).
var (
	AWSLoginTypes         = []string{"iam", "idc", "merged-idc", "federated"}
	AWSLoginIdentityTypes = []string{"email", "tag"}
)

// AWS component item states, in lifecycle order.
const (
	StateStage     = "stage"
	StateConfigure = "configure"
	StateInstalled = "installed"
)

// AWSItem is one item (an AWS account, or a Lambda function for
// function-caller) of one component. Which optional fields apply depends on
// the component.
type AWSItem struct {
	Label               string    `json:"label,omitempty"`
	State               string    `json:"state"`
	AccessAnalyzerArn   string    `json:"accessAnalyzerArn,omitempty"`
	CloudLakeArn        string    `json:"cloudLakeArn,omitempty"`
	Login               *AWSLogin `json:"login,omitempty"`
	ServiceAccountEmail string    `json:"serviceAccountEmail,omitempty"`
	ServiceAccountID    string    `json:"serviceAccountId,omitempty"`
}

// AWSLogin says how users of an iam-write account sign in.
type AWSLogin struct {
	Type     string           `json:"type"`
	Identity AWSLoginIdentity `json:"identity"`
}

// AWSLoginIdentity says how P0 maps a user to an AWS identity.
type AWSLoginIdentity struct {
	Type    string `json:"type"`
	TagName string `json:"tagName,omitempty"`
}

// AWSMetadata is what P0 generates for a staged item: the IAM role the AWS
// side must create for P0.
type AWSMetadata struct {
	RoleName         string `json:"roleName,omitempty"`
	InlinePolicy     string `json:"inlinePolicy,omitempty"`
	InlinePolicyName string `json:"inlinePolicyName,omitempty"`
	TrustPolicy      string `json:"trustPolicy,omitempty"`
	ServiceAccountID string `json:"serviceAccountId,omitempty"`
}

// AWSComponentItem is the answer to GET .../config/{component}/{id}.
type AWSComponentItem struct {
	OK       bool        `json:"ok"`
	Item     AWSItem     `json:"item"`
	Metadata AWSMetadata `json:"metadata"`
}

// AWSIntegration is the answer to GET .../integrations/aws/config: every
// component's items keyed by component name, then by item id.
type AWSIntegration map[string]map[string]AWSItem

// okResponse is the {"ok": true} body many writes answer with.
type okResponse struct {
	OK bool `json:"ok"`
}

// writeAnswer is the answer to a write of an AWS item: {"ok": true}, which
// may carry the item as P0 now holds it.
type writeAnswer struct {
	OK   bool     `json:"ok"`
	Item *AWSItem `json:"item,omitempty"`
}

// emptyAnswerAllowed marks the answers that a write may also give as an
// empty body or 204 (see decodeBody).
func (okResponse) emptyAnswerAllowed()  {}
func (writeAnswer) emptyAnswerAllowed() {}
