package install

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What every kind of install resource does alike: stage, read, store,
// delete and import one item.

// stored is where an operation saves a resource's new state.
type stored struct {
	state    *tfsdk.State
	identity *tfsdk.ResourceIdentity
	private  framework.PrivateWriter
}

// storeItem saves the state of m's object as P0 answered it (got), warns
// about values P0 holds that could not be read, and keeps the answer in
// private state for the next write to send back what it holds beyond the
// model.
func storeItem[M framework.Identified](ctx context.Context, spec Spec[M], org string, m M, got p0.Item, to stored, diags *diag.Diagnostics) {
	item, metadata := Read(got.Item, "item."), Read(got.Metadata, "metadata.")
	m = spec.withOrg(spec.Read(m, item, metadata), org)
	framework.WarnUnreadable(diags, spec.Describe(m), item.Unreadable())
	framework.Store(ctx, to.state, to.identity, m, diags)
	framework.RememberHeld(ctx, to.private, got, diags)
}

// heldObject is the item as P0 last answered it, kept in private state, or
// nil.
func heldObject(ctx context.Context, private framework.PrivateReader, diags *diag.Diagnostics) p0.Object {
	if held := framework.HeldUnmanaged[p0.Item](ctx, private, diags); held != nil {
		return held.Item
	}
	return nil
}

// heldItem is the fields of found, or nil for none.
func heldItem(found *p0.Item) p0.Object {
	if found == nil {
		return nil
	}
	return found.Item
}

// keepHeld is body with what held holds beyond it, where body is a Body.
func keepHeld(body any, held p0.Object) any {
	if b, ok := body.(*Body); ok {
		kept, _ := b.Keep(held)
		return kept
	}
	return body
}

// stage stages m's item with the spec's stage body, after making sure
// the integration root exists where the spec says so. An item that is
// already there counts as staged.
func stage[M framework.Identified](ctx context.Context, client *p0.Client, spec Spec[M], m M) error {
	var body any
	if spec.StageBody != nil {
		body = spec.StageBody(m)
	}
	_, err := stageWith(ctx, client, spec, m, body)
	return err
}

// stageWith is stage with body. It returns the item as P0 holds it now:
// as P0 answered, or where P0 answered without it, as sent.
func stageWith[M framework.Identified](ctx context.Context, client *p0.Client, spec Spec[M], m M, body any) (*p0.Item, error) {
	ref := spec.Ref(m)
	if spec.EnsureRoot {
		if err := client.EnsureIntegration(ctx, ref.Integration); err != nil {
			return nil, err
		}
	}
	got, err := client.StageItem(ctx, ref, body)
	if errors.Is(err, p0.ErrNotFound) && spec.RootType != "" {
		return nil, &rootMissingError{rootType: spec.RootType, err: err}
	}
	if err != nil {
		return nil, err
	}
	if got == nil || len(got.Item) == 0 {
		sent, _ := objectOf(body) // a body that does not encode was not sent
		got = &p0.Item{Item: sent}
	}
	return got, nil
}

// rootMissingError is a stage refused because the integration is not
// installed: its root resource must be applied first.
type rootMissingError struct {
	rootType string
	err      error
}

func (e *rootMissingError) Error() string { return e.err.Error() }
func (e *rootMissingError) Unwrap() error { return e.err }

// stageErrorDetail explains a failed stage: with what to do where the
// integration is not installed.
func stageErrorDetail(action string, err error) string {
	var missing *rootMissingError
	if errors.As(err, &missing) {
		return framework.AnswerDetail(action, err) + fmt.Sprintf("\n\nThe integration is not installed in P0 yet: "+
			"install it with %s, and make this resource depend on it (for example through an attribute of it, or "+
			"depends_on = [%s.<name>]).", missing.rootType, missing.rootType)
	}
	return framework.APIErrorDetail(action, err)
}

// readItem reads m's item with read, and removes the resource from state
// when P0 no longer has it. It returns nil when there is nothing more to
// do.
func readItem[M framework.Identified](ctx context.Context, spec Spec[M], m M, read func(context.Context, p0.ItemRef) (*p0.Item, error),
	resp *resource.ReadResponse, op framework.Operation) *p0.Item {
	got, err := read(ctx, spec.Ref(m))
	if errors.Is(err, p0.ErrNotFound) {
		tflog.Info(ctx, "The item no longer exists in P0; removing it from state", map[string]any{"item": spec.Ref(m).String()})
		framework.Forget(ctx, &resp.State, resp.Identity, m.Identity(), op.Diags)
		return nil
	}
	if err != nil {
		op.APIError("reading "+spec.Describe(m), err)
		return nil
	}
	return got
}

// deleteItem deletes m's item.
func deleteItem[M framework.Identified](ctx context.Context, client *p0.Client, spec Spec[M], m M, op framework.Operation) {
	if err := removeItem(ctx, client, spec.Ref(m)); err != nil {
		op.APIError("deleting "+spec.Describe(m), err)
	}
}

// removeItem deletes an item from P0. An item already gone counts as
// deleted.
func removeItem(ctx context.Context, client *p0.Client, ref p0.ItemRef) error {
	err := client.DeleteItem(ctx, ref)
	if errors.Is(err, p0.ErrNotFound) {
		return nil
	}
	return err
}

// importObject starts the state of an import from its ID, or its
// identity's: the attributes that name the object; it reports false after
// a diagnostic.
func importObject[M framework.Identified, I framework.Identity](ctx context.Context, spec Spec[M], org string, req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	id := framework.ImportedID[I](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return false
	}
	var m M
	var err error
	switch {
	case spec.Singleton != nil && id != org:
		err = fmt.Errorf("P0 holds one per organization, imported by the organization id, which must be the provider's "+
			"organization %q; to manage another organization, use a provider configured for it", org)
	case spec.Singleton != nil:
		m = spec.Singleton(m, org)
	default:
		m, err = spec.Import(id)
	}
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf("Cannot import %q: %s.", id, err))
		return false
	}
	framework.NullZeroes(ctx, resp.State, &m)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
	framework.SetIdentity(ctx, resp.Identity, m.Identity(), &resp.Diagnostics)
	return !resp.Diagnostics.HasError()
}

// objectOf is a body as the JSON object it sends.
func objectOf(body any) (p0.Object, error) {
	encoded, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	var o p0.Object
	return o, json.Unmarshal(encoded, &o)
}

// begin opens an operation on a plan: it checks the client and decodes the
// plan into M, with the objects only P0 will know (a staged item's
// metadata, before it is staged) as null. A model holds such objects as
// pointers, which cannot be unknown, and the engine needs no more of a
// plan than the configuration says; what P0 generates, Read fills in.
func begin[M any](ctx context.Context, b framework.Base, plan tfsdk.Plan, diags *diag.Diagnostics, summary string) (M, framework.Operation) {
	var m M
	op := b.Start(diags, summary)
	if op.Failed() {
		return m, op
	}
	known, err := tftypes.Transform(plan.Raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() && v.Type().Is(tftypes.Object{}) {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		diags.AddError(summary, "Reading the plan: "+err.Error()+". This is a bug in the provider; please report it.")
		return m, op
	}
	diags.Append((&tfsdk.Plan{Schema: plan.Schema, Raw: known}).Get(ctx, &m)...)
	return m, op
}

// beginUpdate is begin for an update: it decodes the plan and the prior
// state.
func beginUpdate[M any](ctx context.Context, b framework.Base, req resource.UpdateRequest, diags *diag.Diagnostics, summary string) (plan, prior M, op framework.Operation) {
	if plan, op = begin[M](ctx, b, req.Plan, diags, summary); !op.Failed() {
		prior = framework.Decode[M](ctx, req.State, diags)
	}
	return plan, prior, op
}
