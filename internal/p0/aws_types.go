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
// the component. Like a routing rule, it keeps what P0 sent that this
// client does not model (Unmanaged), so that a configure sends it back.
type AWSItem struct {
	Label               string
	State               string
	AccessAnalyzerArn   string
	CloudLakeArn        string
	Login               *AWSLogin
	ServiceAccountEmail string
	ServiceAccountID    string
	Unmanaged           Unmanaged
}

// AWSLogin says how users of an iam-write account sign in.
type AWSLogin struct {
	Type string
	// Identity is how P0 finds a user's AWS identity, for the sign-ins
	// that take one (not merged-idc, nor federated).
	Identity  *AWSLoginIdentity
	Unmanaged Unmanaged
}

// AWSLoginIdentity says how P0 maps a user to an AWS identity.
type AWSLoginIdentity struct {
	Type      string
	TagName   string
	Unmanaged Unmanaged
}

func (i *AWSItem) fields() []field {
	return []field{
		{key: keyLabel, value: &i.Label},
		{key: word("state"), value: &i.State, always: true},
		{key: word("accessAnalyzerArn"), value: &i.AccessAnalyzerArn},
		{key: word("cloudLakeArn"), value: &i.CloudLakeArn},
		{key: word("login"), value: &i.Login},
		{key: word("serviceAccountEmail"), value: &i.ServiceAccountEmail},
		{key: word("serviceAccountId"), value: &i.ServiceAccountID},
	}
}

func (l *AWSLogin) fields() []field {
	return []field{
		{key: keyType, value: &l.Type, always: true},
		{key: word("identity"), value: &l.Identity},
	}
}

func (i *AWSLoginIdentity) fields() []field {
	return []field{
		{key: keyType, value: &i.Type, always: true},
		{key: word("tagName"), value: &i.TagName},
	}
}

func (i *AWSItem) unmanaged() *Unmanaged          { return &i.Unmanaged }
func (l *AWSLogin) unmanaged() *Unmanaged         { return &l.Unmanaged }
func (i *AWSLoginIdentity) unmanaged() *Unmanaged { return &i.Unmanaged }

func (i *AWSItem) UnmarshalJSON(data []byte) error          { return decodeObject(data, i) }
func (l *AWSLogin) UnmarshalJSON(data []byte) error         { return decodeObject(data, l) }
func (i *AWSLoginIdentity) UnmarshalJSON(data []byte) error { return decodeObject(data, i) }

func (i AWSItem) MarshalJSON() ([]byte, error)          { return marshalObject(SnakeCase, &i) }
func (l AWSLogin) MarshalJSON() ([]byte, error)         { return marshalObject(SnakeCase, &l) }
func (i AWSLoginIdentity) MarshalJSON() ([]byte, error) { return marshalObject(SnakeCase, &i) }

// KeepUnmanaged returns item with the fields P0 holds in previous, at
// every depth, that the client does not model, as KeepUnmanaged does for
// a routing rule: the login keeps nothing when its type changes, and its
// identity nothing when the identity's type changes.
func (i AWSItem) KeepUnmanaged(previous AWSItem) (AWSItem, KeptFields) {
	var kept KeptFields
	i.Unmanaged = kept.keep("", previous.Unmanaged)
	if i.Login == nil || previous.Login == nil {
		return i, kept
	}
	login := *i.Login
	i.Login = &login
	if typeChanges(login.Type, previous.Login.Type) {
		kept.drop("login.", previous.Login)
		return i, kept
	}
	login.Unmanaged = kept.keep("login.", previous.Login.Unmanaged)
	if login.Identity == nil || previous.Login.Identity == nil {
		return i, kept
	}
	identity := *login.Identity
	login.Identity = &identity
	if typeChanges(identity.Type, previous.Login.Identity.Type) {
		kept.drop("login.identity.", previous.Login.Identity)
		return i, kept
	}
	identity.Unmanaged = kept.keep("login.identity.", previous.Login.Identity.Unmanaged)
	return i, kept
}

// Configuration is what a configure sends to leave the item as it is:
// everything but its state and the service account P0 gives the base
// item.
func (i AWSItem) Configuration() AWSItem {
	i.State, i.ServiceAccountEmail, i.ServiceAccountID = "", "", ""
	return i
}

// HasUnmanaged reports whether the item holds, at any depth, a field the
// client does not model.
func (i AWSItem) HasUnmanaged() bool { return len(i.UnmanagedFields()) > 0 }

// UnmanagedFields lists the paths of the fields the item holds, at any
// depth, that the client does not model.
func (i AWSItem) UnmanagedFields() []string { return unmanagedFields("", &i) }

// UnreadableFields lists the values the item holds, at any depth, that
// could not be read as their field's type (see RoutingRule.UnreadableFields).
func (i AWSItem) UnreadableFields() []UnreadableField { return unreadableFields("", &i) }

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
