package p0mock

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Behavior is how the mock answers where P0's documents are silent
// (design.md, "Where the documents are silent"). A real P0 may give any of
// these answers without contradicting a document, so the provider must work
// with each; the zero Behavior is the mock's own reading, and Variants names
// the others.
type Behavior struct {
	// RootMissingStatus answers a stage (PUT of an item) sent before the
	// integration root exists; 0 means 404. RootMissingMessage is its
	// error text.
	RootMissingStatus  int
	RootMissingMessage string
	// RootExistsConflict answers 409 to a POST of the integration root that
	// already exists, as P0's own provider expects, instead of {"ok": true}.
	RootExistsConflict bool
	// RestageExisting answers a stage of an item that already exists with
	// 200 and puts it back in stage, configuration dropped and metadata
	// kept, instead of 409.
	RestageExisting bool
	// RichWriteAnswers answers stage, verify and configure with the item
	// and its metadata beside "ok", instead of {"ok": true} alone.
	RichWriteAnswers bool
	// AWSClientBodies makes the AWS integration take, beside the
	// documents' bodies, those P0's own client sends (p0-integrations.md
	// 3.1): a stage with its label, state and partition, a verify with the
	// whole configuration and a state of "", and a configure with a state
	// of "".
	AWSClientBodies bool
	// ConfigureReplaces stores what a configure of an item of an
	// integration other than AWS sends in place of the item, keeping only
	// what P0 generates, instead of merging it into the item.
	ConfigureReplaces bool
	// VerifyRefusals is how many times verifying a newly staged item is
	// refused with 400 before it succeeds, as when AWS has not yet
	// propagated the IAM role the AWS side created moments ago.
	VerifyRefusals int
	// SettingsReads is the status of the four settings reads (GET), which
	// the documents do not describe: 0 serves them, 404 or 405 refuses them.
	SettingsReads int
	// UnsetSettings, when not UnsetNone, starts the organization with no
	// approval defaults and no durations set, and says how a read shows a
	// setting that was never set.
	UnsetSettings UnsetForm
	// ExpiryKey is the {key} of DELETE /settings/expiry-options/{key}.
	ExpiryKey ExpiryKeyForm
	// WorkflowVersionInGet adds "version" to GET /routing, beside the
	// workflow id that is all the document shows there; a save must then
	// name that version, which is not the id.
	WorkflowVersionInGet bool
	// RoutingSpelling is how the server takes the routing fields whose
	// names have two spellings (design.md, "P0 beyond the documents").
	RoutingSpelling RoutingSpelling
	// PolicyRoutes serves the routes of P0's own client, GET
	// /policy/latest and /policy/name/{name}, and answers the deprecated
	// /routing reads and rule routes 404; saves stay POST /routing.
	PolicyRoutes bool
	// CommandWait is how the server answers a command sent with "wait":
	// as today's P0 does, at once (the decision is then waited for on GET
	// /command/{id}/poll), or as the earlier P0 did, with a stream.
	CommandWait CommandWaitForm
	// PollEndsAfter ends each poll of a pending request after this long,
	// the request still pending, as P0 ends its own after about five
	// minutes; 0 keeps a poll open until the request is decided.
	PollEndsAfter time.Duration
	// PollDrops is how many polls of each request are cut after their
	// first heartbeat, as when the connection is lost.
	PollDrops int
	// ApproveAfter approves a request this long after it was submitted; 0
	// leaves it pending until DecideAccessRequest.
	ApproveAfter time.Duration
}

// CommandWaitForm is how a command sent with "wait" is answered.
type CommandWaitForm string

const (
	// CommandWaitPlain answers with the command's usual JSON, as today's
	// P0 does whatever "wait" says.
	CommandWaitPlain CommandWaitForm = ""
	// CommandWaitStream streams heartbeats and data segments until the
	// request is decided, as the earlier P0 did.
	CommandWaitStream CommandWaitForm = "stream"
	// CommandWaitDrop is CommandWaitStream cut after the first data
	// segment.
	CommandWaitDrop CommandWaitForm = "drop"
)

// UnsetForm is how a settings read shows a setting that was never set.
type UnsetForm string

const (
	UnsetNone      UnsetForm = ""           // every setting has P0's default value
	UnsetNull      UnsetForm = "null"       // the body is null
	UnsetEmpty     UnsetForm = "empty"      // the body is {}
	UnsetMissing   UnsetForm = "missing"    // the setting's field is left out: {"ok": true}
	UnsetNullField UnsetForm = "null-field" // the field is null: {"ok": true, "standingAccessDuration": null}
)

// ExpiryKeyForm is what DELETE /settings/expiry-options/{key} takes as key.
type ExpiryKeyForm string

const (
	// ExpiryKeyCompact is time and unit, "2h"; other keys are refused as
	// malformed.
	ExpiryKeyCompact ExpiryKeyForm = ""
	// ExpiryKeyDisplay is the display value, "2 hours"; any other key is
	// answered 204 and removes nothing.
	ExpiryKeyDisplay ExpiryKeyForm = "display"
	// ExpiryKeyDisplayNotFound is the display value; any other key is
	// answered 404.
	ExpiryKeyDisplayNotFound ExpiryKeyForm = "display-404"
)

// Variant is a named Behavior, for tests and the standalone mock's
// -variant flag.
type Variant struct {
	Name        string
	Description string
	Behavior    Behavior
}

// Variants lists every named behavior: the documented one first, then one
// for each answer of design.md's tables ("Where the documents are silent",
// "P0 beyond the documents") that differs from it.
func Variants() []Variant {
	return []Variant{
		{"documented", "the mock's own reading of the documents", Behavior{}},
		{"root-missing-400", "a stage before the integration root exists is answered 400",
			Behavior{RootMissingStatus: http.StatusBadRequest, RootMissingMessage: "AWS integration is not installed"}},
		{"root-missing-409", "a stage before the root exists is answered 409, and so is a POST of a root that exists",
			Behavior{RootMissingStatus: http.StatusConflict, RootMissingMessage: "conflict", RootExistsConflict: true}},
		{"root-missing-412", "a stage before the integration root exists is answered 412",
			Behavior{RootMissingStatus: http.StatusPreconditionFailed, RootMissingMessage: "precondition failed"}},
		{"restage-existing", "a stage of an existing item answers 200 and puts it back in stage",
			Behavior{RestageExisting: true}},
		{"rich-write-answers", "stage, verify and configure answer with the item and its metadata",
			Behavior{RichWriteAnswers: true}},
		{"iam-propagation", "verify is refused twice (role cannot be assumed yet) before it succeeds",
			Behavior{VerifyRefusals: 2}},
		{"aws-client-bodies", "the AWS integration takes the bodies P0's own client sends, beside the documents'",
			Behavior{AWSClientBodies: true}},
		{"configure-replaces", "a configure of an item of an integration other than AWS replaces the item instead of merging into it",
			Behavior{ConfigureReplaces: true}},
		{"settings-reads-404", "the settings reads are answered 404", Behavior{SettingsReads: http.StatusNotFound}},
		{"settings-reads-405", "the settings reads are answered 405", Behavior{SettingsReads: http.StatusMethodNotAllowed}},
		{"settings-unset-null", "settings never set read as a null body", Behavior{UnsetSettings: UnsetNull}},
		{"settings-unset-empty", "settings never set read as {}", Behavior{UnsetSettings: UnsetEmpty}},
		{"settings-unset-missing", "settings never set are missing from the answer", Behavior{UnsetSettings: UnsetMissing}},
		{"settings-unset-null-field", "settings never set read as a null field", Behavior{UnsetSettings: UnsetNullField}},
		{"expiry-key-display", "expiry options are deleted by display value; another key is answered 204 and removes nothing",
			Behavior{ExpiryKey: ExpiryKeyDisplay}},
		{"expiry-key-display-404", "expiry options are deleted by display value; another key is answered 404",
			Behavior{ExpiryKey: ExpiryKeyDisplayNotFound}},
		{"workflow-version-in-get", "GET /routing gives the workflow version beside its id",
			Behavior{WorkflowVersionInGet: true}},
		{"routing-camel", "routing fields are taken in camelCase only; snake_case is refused with 400",
			Behavior{RoutingSpelling: SpellingCamel}},
		{"routing-camel-silent", "routing fields are taken in camelCase only; snake_case fields are dropped without a word",
			Behavior{RoutingSpelling: SpellingCamelSilent}},
		{"routing-either", "routing fields are taken in either spelling and stored as sent",
			Behavior{RoutingSpelling: SpellingEither}},
		{"routing-policy-routes", "the /routing reads and rule routes answer 404; /policy/latest and /policy/name/{name} serve",
			Behavior{PolicyRoutes: true}},
		{"command-wait-stream", "a command sent with wait is answered with a stream until it is decided, as before April 2026",
			Behavior{CommandWait: CommandWaitStream}},
		{"command-wait-drop", "the stream that answers a command sent with wait drops after its first data segment",
			Behavior{CommandWait: CommandWaitDrop}},
		{"command-poll-ends-pending", "each poll of a pending request ends after 300 ms with the request still pending",
			Behavior{PollEndsAfter: 300 * time.Millisecond}},
		{"command-poll-drops", "the first two polls of each request are cut after a heartbeat",
			Behavior{PollDrops: 2}},
	}
}

// VariantNames lists the names of Variants, in order.
func VariantNames() []string {
	var names []string
	for _, v := range Variants() {
		names = append(names, v.Name)
	}
	return names
}

// ParseVariants combines named variants, given as a comma-separated list,
// into one Behavior: each sets its own fields over the ones before. An
// empty list is the documented behavior.
func ParseVariants(list string) (Behavior, error) {
	var combined Behavior
	all := Variants()
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		i := slices.IndexFunc(all, func(v Variant) bool { return v.Name == name })
		if i < 0 {
			return Behavior{}, fmt.Errorf("unknown variant %q; known variants: %s", name, strings.Join(VariantNames(), ", "))
		}
		combined = combined.merge(all[i].Behavior)
	}
	return combined, nil
}

// merge sets the fields of over that differ from the zero Behavior.
func (b Behavior) merge(over Behavior) Behavior {
	if over.RootMissingStatus != 0 {
		b.RootMissingStatus, b.RootMissingMessage = over.RootMissingStatus, over.RootMissingMessage
	}
	b.RootExistsConflict = b.RootExistsConflict || over.RootExistsConflict
	b.RestageExisting = b.RestageExisting || over.RestageExisting
	b.RichWriteAnswers = b.RichWriteAnswers || over.RichWriteAnswers
	b.ConfigureReplaces = b.ConfigureReplaces || over.ConfigureReplaces
	b.AWSClientBodies = b.AWSClientBodies || over.AWSClientBodies
	b.VerifyRefusals = max(b.VerifyRefusals, over.VerifyRefusals)
	if over.SettingsReads != 0 {
		b.SettingsReads = over.SettingsReads
	}
	if over.UnsetSettings != UnsetNone {
		b.UnsetSettings = over.UnsetSettings
	}
	if over.ExpiryKey != ExpiryKeyCompact {
		b.ExpiryKey = over.ExpiryKey
	}
	b.WorkflowVersionInGet = b.WorkflowVersionInGet || over.WorkflowVersionInGet
	if over.RoutingSpelling != SpellingSnake {
		b.RoutingSpelling = over.RoutingSpelling
	}
	b.PolicyRoutes = b.PolicyRoutes || over.PolicyRoutes
	if over.CommandWait != CommandWaitPlain {
		b.CommandWait = over.CommandWait
	}
	b.PollEndsAfter = max(b.PollEndsAfter, over.PollEndsAfter)
	b.PollDrops = max(b.PollDrops, over.PollDrops)
	b.ApproveAfter = max(b.ApproveAfter, over.ApproveAfter)
	return b
}

// SetBehavior changes how the server answers where the documents are
// silent. Settings never set exist only in a server that starts that way:
// with UnsetSettings, SetBehavior also clears the approval defaults and
// both durations.
func (s *Server) SetBehavior(b Behavior) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.behavior = b
	if b.UnsetSettings != UnsetNone {
		s.state.settings.clearValues()
	}
}

// rootMissing is the answer to a stage before the root of integration
// key, called name, exists.
func (b Behavior) rootMissing(name, key string) error {
	status, message := b.RootMissingStatus, b.RootMissingMessage
	if status == 0 {
		status, message = http.StatusNotFound, fmt.Sprintf("the %s integration is not installed; POST /o/{org}/integrations/%s/config first", name, key)
	}
	return newAPIError(status, "%s", message)
}
