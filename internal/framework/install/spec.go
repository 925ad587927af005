// Package install is the provider's one install engine: the lifecycle that
// every P0 integration follows (an integration root, and items staged,
// verified, configured, read and deleted), written once for every
// resource that installs something in P0. A resource configures it with
// a Spec: the item it manages, the bodies it sends, and what it reads
// back; everything else (waiting for the other side, resuming an
// interrupted create, keeping what P0 holds beyond the model, imports,
// identities, warnings) is the engine's.
package install

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Spec is what every resource of the engine tells it about its state
// model M.
type Spec[M framework.Identified] struct {
	// Schema is the resource's schema, and IdentitySchema its identity's.
	// A resource that declares its own Schema method leaves Schema nil.
	Schema         func(ctx context.Context) schema.Schema
	IdentitySchema identityschema.Schema
	// Validate checks the rules across attributes; nil for none.
	Validate func(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics)
	// Upgraders read the state of the resource's earlier schema versions,
	// by version; nil for none.
	Upgraders func(ctx context.Context) map[int64]resource.StateUpgrader
	// Title names the resource type in diagnostics: "AWS Component".
	Title string
	// Describe names one object in messages: `AWS component "inventory"
	// in account 123456789012`.
	Describe func(m M) string
	// Ref is the item m names.
	Ref func(m M) p0.ItemRef
	// Import is the state an import of id starts from: the attributes
	// that name the object, which Read completes; or why id names none.
	Import func(id string) (M, error)
	// EnsureRoot posts the integration's root before the first stage of
	// a provider process, for integrations whose root P0's client creates
	// that way.
	EnsureRoot bool
	// RootType is the resource that installs the integration's root, for
	// integrations whose items need one installed first ("p0_gcp"); "" for
	// the others.
	RootType string
	// StageBody is the body of the stage (PUT) that creates the item; nil
	// sends the integration's empty body.
	StageBody func(m M) any
	// Read is m with what P0 answered about its object: the item's fields,
	// and its metadata where P0 gave it (a read of the item alone). What
	// P0 never sends back (a secret) stays as m has it.
	Read func(m M, item, metadata Fields) M
	// Timeouts is m's timeouts block; nil for a resource without one.
	Timeouts func(m M) timeouts.Value
	// Secrets are the secrets m's bodies send (a token, a password), which
	// errors that quote P0's answers never show; nil for none.
	Secrets func(m M) []string
	// MovedFrom are the movers of the types of P0's own provider that moved
	// blocks take over into this one (see framework.MovedFrom); nil for
	// none.
	MovedFrom []resource.StateMover
	// Singleton, for an item that exists once per organization (id "_"),
	// is m with its id, the organization's: such a resource is imported by
	// the organization id, and identified by it.
	Singleton func(m M, org string) M
}

// withOrg is m as the spec stores it in organization org.
func (s Spec[M]) withOrg(m M, org string) M {
	if s.Singleton != nil {
		return s.Singleton(m, org)
	}
	return m
}

// carrySecrets is ctx carrying the secrets the bodies of models send.
func (s Spec[M]) carrySecrets(ctx context.Context, models ...M) context.Context {
	if s.Secrets == nil {
		return ctx
	}
	for _, m := range models {
		ctx = p0.WithSecrets(ctx, s.Secrets(m)...)
	}
	return ctx
}

// Uninstall is what deleting an installed resource does to an item that
// it did not stage itself (a staged resource, which stays, staged it).
type Uninstall int

const (
	// Rollback puts the configuration back with a stage (PUT), which
	// returns the item to stage, as P0's client does for the second half
	// of a two-resource install.
	Rollback Uninstall = iota
	// DeleteItem deletes the item: a one-resource install, or an item P0
	// cannot roll back.
	DeleteItem
	// DeleteAndRestage deletes the item and stages it again, with the same
	// metadata, where P0 has no way to put an item back in stage.
	DeleteAndRestage
)

// InstalledSpec is what an installed resource (one whose item is
// verified and configured: the final half of a two-resource install, or a
// one-resource install) tells the engine beyond Spec.
type InstalledSpec[M framework.Identified] struct {
	Spec[M]
	// RestageBody, when set, is staged (PUT) before the verification of a
	// create, as P0's client does for integrations whose final resource
	// stages settings of its own (a database's port).
	RestageBody func(m M) any
	// VerifyBody is the body of the verification; nil sends the
	// configuration, as P0's client does for every integration but AWS.
	VerifyBody func(m M) any
	// ConfigureBody is the configuration, which configure sends.
	ConfigureBody func(m M) *Body
	// State is the item's state as m holds it.
	State func(m M) string
	// Uninstall is what deleting does to an item this resource did not
	// stage itself; UninstallBy, when set, says it for each object instead
	// (where it depends on the object's kind).
	Uninstall   Uninstall
	UninstallBy func(m M) Uninstall
	// Wrap, when set, is the key under which verify, configure and the
	// rollback send the configuration ({"item": {...}}), as P0's client
	// does for some integrations.
	Wrap string
	// FromIntegration reads installed items from the whole integration
	// (one request for every item refreshed in an operation) rather than
	// one at a time: for integrations whose installed resources read
	// nothing of the metadata.
	FromIntegration bool
	// StagedType is the resource type that holds the items of this
	// integration's component that are not installed, for the advice of an
	// import of one; "" where there is none.
	StagedType string
	// Replacing are the attributes whose change replaces the object, for
	// the plan's warning about what P0 holds beyond the model.
	Replacing []path.Path
	// VerifyAdvice says what the other side must hold for P0 to verify the
	// item, after P0 kept refusing; "" for nothing more than P0's words.
	VerifyAdvice func(m M) string
}

// uninstallOf is what deleting m does to an item the resource did not
// stage.
func (s InstalledSpec[M]) uninstallOf(m M) Uninstall {
	if s.UninstallBy != nil {
		return s.UninstallBy(m)
	}
	return s.Uninstall
}

// wrapped is body as verify, configure and the rollback send it.
func (s InstalledSpec[M]) wrapped(body *Body) any {
	if s.Wrap == "" {
		return body
	}
	return body.Wrapped(s.Wrap)
}

// Defaults of the engine's time limits.
const (
	// DefaultTimeout bounds create, update and delete when the timeouts
	// block does not. One request may spend minutes in retries when P0
	// throttles, so the bound is generous.
	DefaultTimeout = 10 * time.Minute
	// rollbackTimeout bounds undoing the stage of a create that failed.
	rollbackTimeout = 2 * time.Minute
)

// stagedHereKey is the private state key that records whether an installed
// resource staged its item itself, which decides what destroying it
// leaves: an item it staged is deleted, and an item someone else staged (a
// staged resource, which stays) is uninstalled (see Uninstall). P0 does
// not say who staged an item.
const stagedHereKey = "staged_here"
