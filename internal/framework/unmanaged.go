package framework

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// What P0 holds that the provider does not model: fields beyond the
// documents' in a routing rule (at any depth), in the workflow, in an AWS
// item. A write never removes them. Each read keeps them in private state
// (unmanagedKey), beside the state they were read with, so that the next
// write sends them back without reading again (see p0.KeepUnmanaged); and
// a plan that changes such an object says, once, what is kept.

// holdsUnmanaged is an object read from P0 that may hold such fields.
type holdsUnmanaged interface {
	HasUnmanaged() bool
}

// RememberUnmanaged keeps read in private state when it holds fields the
// provider does not model, and forgets what was kept otherwise.
func RememberUnmanaged[T holdsUnmanaged](ctx context.Context, private PrivateWriter, read T, diags *diag.Diagnostics) {
	if !read.HasUnmanaged() {
		diags.Append(private.SetKey(ctx, unmanagedKey, nil)...)
		return
	}
	diags.Append(SetPrivate(ctx, private, unmanagedKey, read)...)
}

// RememberHeld keeps held, all of what P0 answered about an object, in
// private state, for the next write to send back what it holds beyond the
// model, and for the plan's warning about it (see HeldUnmanaged).
func RememberHeld(ctx context.Context, private PrivateWriter, held any, diags *diag.Diagnostics) {
	diags.Append(SetPrivate(ctx, private, unmanagedKey, held)...)
}

// HeldUnmanaged is what RememberUnmanaged or RememberHeld kept, or nil.
func HeldUnmanaged[T any](ctx context.Context, private PrivateReader, diags *diag.Diagnostics) *T {
	held, d := GetPrivate[*T](ctx, private, unmanagedKey)
	diags.Append(d...)
	return held
}

// KeptInPlan is what a plan's write keeps of what P0 holds beyond the
// model, and what it leaves out: fields of objects whose type the plan
// changes (p0.KeptFields.Dropped), and fields of objects the plan
// replaces or removes (Replaced), with why they go (for example "This plan
// replaces it").
type KeptInPlan struct {
	p0.KeptFields
	Replaced []string
	// Gone says why the Replaced fields go: a sentence.
	Gone string
}

func (k KeptInPlan) empty() bool { return k.KeptFields.Empty() && len(k.Replaced) == 0 }

// ReplacedBy is what a plan that replaces an object keeps of held's
// fields: none.
func ReplacedBy(fields []string) KeptInPlan {
	return KeptInPlan{Replaced: fields, Gone: "This plan replaces it, and what replaces it holds only what the configuration says."}
}

// WarnKeptInPlan is the ModifyPlan of a resource whose objects hold what
// P0 holds beyond the model (H, kept by rememberUnmanaged): for a plan that
// changes an object that exists, whose apply writes what the last read
// kept, it adds warnKept's warning, with what kept says of the plan (a
// model M): the object it names, and what the write keeps of held. The
// plan replaces the object when an attribute of replacing changes (the
// framework tells a resource's ModifyPlan nothing of its attributes'
// RequiresReplace).
func WarnKeptInPlan[H, M any](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, replacing []path.Path,
	kept func(plan M, held H, replaced bool) (object string, fields KeptInPlan)) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	held := HeldUnmanaged[H](ctx, req.Private, &resp.Diagnostics)
	if held == nil {
		return
	}
	plan := Decode[M](ctx, req.Plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	replaced := false
	for _, p := range replacing {
		var planned, prior attr.Value
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, p, &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, p, &prior)...)
		replaced = replaced || resp.Diagnostics.HasError() || planned.IsUnknown() || !planned.Equal(prior)
	}
	object, fields := kept(plan, *held, replaced)
	warnKept(&resp.Diagnostics, object, fields)
}

// maxFieldsNamed bounds the fields a warning lists.
const maxFieldsNamed = 12

// warnKept adds a plan's one warning about what P0 holds in object (for
// example `routing rule "Production"`) that the provider does not model:
// the fields the apply sends back, and those it leaves out: because the
// type of the object holding them changes, or the plan replaces or removes
// the object holding them.
func warnKept(diags *diag.Diagnostics, object string, kept KeptInPlan) {
	if kept.empty() {
		return
	}
	var paragraphs []string
	if len(kept.Kept) > 0 {
		paragraphs = append(paragraphs, fmt.Sprintf("P0 holds fields in %s that this provider does not manage: %s. "+
			"The apply sends them back as P0 holds them, so they are kept.", object, listFields(kept.Kept)))
	}
	if len(kept.Dropped) > 0 {
		paragraphs = append(paragraphs, fmt.Sprintf("Not kept: %s, which P0 holds in %s in an object whose type this "+
			"plan changes; they belong to the old type.", listFields(kept.Dropped), object))
	}
	if len(kept.Replaced) > 0 {
		paragraphs = append(paragraphs, fmt.Sprintf("Not kept: %s, which P0 holds in %s. %s",
			listFields(kept.Replaced), object, kept.Gone))
	}
	diags.AddWarning("Fields Not Managed by Terraform", strings.Join(paragraphs, "\n\n"))
}

// listFields names fields for a warning, at most maxFieldsNamed of them.
func listFields(fields []string) string {
	if len(fields) <= maxFieldsNamed {
		return strings.Join(fields, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(fields[:maxFieldsNamed], ", "), len(fields)-maxFieldsNamed)
}

// WarnUnreadable warns that P0 holds values in object (for example
// `routing rule "Production"`) that are not of the type the provider reads
// for their attribute: the state shows the attribute unset, and every
// write sends them back as P0 holds them (see p0.UnreadableField).
func WarnUnreadable(diags *diag.Diagnostics, object string, fields []p0.UnreadableField) {
	if len(fields) == 0 {
		return
	}
	described := make([]string, len(fields))
	for i, f := range fields {
		described[i] = fmt.Sprintf("%s = %s (expected %s)", f.Path, f.Value, f.Want)
	}
	diags.AddWarning("Values Not Readable by Terraform",
		fmt.Sprintf("P0 holds values in %s that are not of the type this provider reads for them: %s. The state shows "+
			"these attributes unset, and the values stay as P0 holds them: every write of the rule by this provider "+
			"sends them back unchanged, unless the configuration sets the attribute, whose value then replaces P0's. "+
			"Correct them in P0, or set the attributes in the configuration, to manage them.", object, listFields(described)))
}
