package install

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
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
func storeItem[M framework.Identified](ctx context.Context, spec Spec[M], m M, got p0.Item, to stored, diags *diag.Diagnostics) {
	item, metadata := Read(got.Item, "item."), Read(got.Metadata, "metadata.")
	m = spec.Read(m, item, metadata)
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

// stage stages m's item, after making sure the integration root exists
// where the spec says so. An item that is already there counts as staged.
func stage[M framework.Identified](ctx context.Context, client *p0.Client, spec Spec[M], m M) error {
	ref := spec.Ref(m)
	if spec.EnsureRoot {
		if err := client.EnsureIntegration(ctx, ref.Integration); err != nil {
			return err
		}
	}
	var body any
	if spec.StageBody != nil {
		body = spec.StageBody(m)
	}
	_, err := client.StageItem(ctx, ref, body)
	return err
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
func importObject[M framework.Identified, I framework.Identity](ctx context.Context, spec Spec[M], req resource.ImportStateRequest, resp *resource.ImportStateResponse) bool {
	id := framework.ImportedID[I](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return false
	}
	m, err := spec.Import(id)
	if err != nil {
		resp.Diagnostics.AddError("Invalid Import ID", fmt.Sprintf("Cannot import %q: %s.", id, err))
		return false
	}
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
