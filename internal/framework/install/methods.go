package install

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// The methods every kind of install resource takes from its spec: its
// schema, its identity's, its checks across attributes and its state
// upgraders.

func (s Spec[M]) schema(ctx context.Context, resp *resource.SchemaResponse) {
	resp.Schema = framework.Typed(s.Schema(ctx))
}

func (s Spec[M]) identitySchema(resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = s.IdentitySchema
}

func (s Spec[M]) validate(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	if s.Validate != nil {
		s.Validate(ctx, req.Config, &resp.Diagnostics)
	}
}

func (s Spec[M]) upgraders(ctx context.Context) map[int64]resource.StateUpgrader {
	if s.Upgraders == nil {
		return nil
	}
	return s.Upgraders(ctx)
}

func (r *Installed[M, I]) MoveState(context.Context) []resource.StateMover { return r.Spec.MovedFrom }

func (r *Staged[M, I]) MoveState(context.Context) []resource.StateMover { return r.Spec.MovedFrom }

// specResource is what every kind of install resource is beside its
// lifecycle: the provider's base, and its spec (S: Spec, InstalledSpec or
// RootSpec), whose schema, identity schema, checks across attributes and
// state upgraders it serves.
type specResource[M framework.Identified, S interface{ base() Spec[M] }] struct {
	framework.ResourceBase
	Spec S
}

// base is the spec every kind's spec holds.
func (s Spec[M]) base() Spec[M] { return s }

func (r *specResource[M, S]) summary(verb string) string {
	return "Unable to " + verb + " " + r.Spec.base().Title
}

func (r *specResource[M, S]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	r.Spec.base().schema(ctx, resp)
}

func (r *specResource[M, S]) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	r.Spec.base().identitySchema(resp)
}

func (r *specResource[M, S]) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	r.Spec.base().validate(ctx, req, resp)
}

func (r *specResource[M, S]) UpgradeState(ctx context.Context) map[int64]resource.StateUpgrader {
	return r.Spec.base().upgraders(ctx)
}

// NewInstalled, NewStaged and NewRoot are the resource of type typeName
// (under the provider's: "gcp_iam_write") that spec describes.
func NewInstalled[M framework.Identified, I framework.Identity](typeName string, spec InstalledSpec[M]) resource.Resource {
	r := InstalledEngine[M, I](typeName, spec)
	return &r
}

func NewStaged[M framework.Identified, I framework.Identity](typeName string, spec Spec[M]) resource.Resource {
	r := StagedEngine[M, I](typeName, spec)
	return &r
}

func NewRoot[M framework.Identified, I framework.Identity](typeName string, spec RootSpec[M]) resource.Resource {
	return &Root[M, I]{specResource[M, RootSpec[M]]{framework.ResourceNamed(typeName), spec}}
}

// InstalledEngine and StagedEngine are the engines of NewInstalled and
// NewStaged, for a resource that embeds one and serves its own schema or
// checks beside it.
func InstalledEngine[M framework.Identified, I framework.Identity](typeName string, spec InstalledSpec[M]) Installed[M, I] {
	return Installed[M, I]{specResource[M, InstalledSpec[M]]{framework.ResourceNamed(typeName), spec}}
}

func StagedEngine[M framework.Identified, I framework.Identity](typeName string, spec Spec[M]) Staged[M, I] {
	return Staged[M, I]{specResource[M, Spec[M]]{framework.ResourceNamed(typeName), spec}}
}

// The interfaces every kind implements.
var (
	_ resource.ResourceWithImportState    = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithIdentity       = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithValidateConfig = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithModifyPlan     = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithUpgradeState   = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithMoveState      = (*Installed[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithMoveState      = (*Staged[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithImportState    = (*Staged[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithIdentity       = (*Staged[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithValidateConfig = (*Staged[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithUpgradeState   = (*Staged[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithImportState    = (*Root[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithIdentity       = (*Root[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithValidateConfig = (*Root[framework.Identified, framework.Identity])(nil)
	_ resource.ResourceWithUpgradeState   = (*Root[framework.Identified, framework.Identity])(nil)
)
