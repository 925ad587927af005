package provider

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

// rememberUnmanaged keeps read in private state when it holds fields the
// provider does not model, and forgets what was kept otherwise.
func rememberUnmanaged[T holdsUnmanaged](ctx context.Context, private privateWriter, read T, diags *diag.Diagnostics) {
	if !read.HasUnmanaged() {
		diags.Append(private.SetKey(ctx, unmanagedKey, nil)...)
		return
	}
	diags.Append(setPrivate(ctx, private, unmanagedKey, read)...)
}

// heldUnmanaged is what rememberUnmanaged kept, or nil.
func heldUnmanaged[T any](ctx context.Context, private privateReader, diags *diag.Diagnostics) *T {
	held, d := getPrivate[*T](ctx, private, unmanagedKey)
	diags.Append(d...)
	return held
}

// warnKeptInPlan is the ModifyPlan of a resource whose objects hold what
// P0 holds beyond the model (H, kept by rememberUnmanaged): for a plan that
// changes an object that exists, whose apply writes what the last read
// kept, it adds warnKept's warning, with what kept says of the plan (a
// model M): the object it names, and what the write keeps of held. The
// plan replaces the object when an attribute of replacing changes (the
// framework tells a resource's ModifyPlan nothing of its attributes'
// RequiresReplace).
func warnKeptInPlan[H, M any](ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse, replacing []path.Path,
	kept func(plan M, held H, replaced bool) (object string, fields p0.KeptFields)) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() || req.Plan.Raw.Equal(req.State.Raw) {
		return
	}
	held := heldUnmanaged[H](ctx, req.Private, &resp.Diagnostics)
	if held == nil {
		return
	}
	plan := decode[M](ctx, req.Plan, &resp.Diagnostics)
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
	warnKept(&resp.Diagnostics, object, fields, replaced)
}

// maxFieldsNamed bounds the fields a warning lists.
const maxFieldsNamed = 12

// warnKept adds a plan's one warning about what P0 holds in object (for
// example `routing rule "Production"`) that the provider does not model:
// the fields the apply sends back, and those it leaves out: because the
// type of the object holding them changes, or the plan replaces object.
func warnKept(diags *diag.Diagnostics, object string, kept p0.KeptFields, replaced bool) {
	if kept.Empty() {
		return
	}
	var detail strings.Builder
	if len(kept.Kept) > 0 {
		fmt.Fprintf(&detail, "P0 holds fields in %s that this provider does not manage: %s. The apply sends "+
			"them back as P0 holds them, so they are kept.", object, listFields(kept.Kept))
	}
	if len(kept.Dropped) > 0 {
		if detail.Len() > 0 {
			detail.WriteString("\n\n")
		}
		if replaced {
			fmt.Fprintf(&detail, "Not kept: %s, which P0 holds in %s. This plan replaces it, and what replaces "+
				"it holds only what the configuration says.", listFields(kept.Dropped), object)
		} else {
			fmt.Fprintf(&detail, "Not kept: %s, which P0 holds in %s in an object whose type this plan changes; "+
				"they belong to the old type.", listFields(kept.Dropped), object)
		}
	}
	diags.AddWarning("Fields Not Managed by Terraform", detail.String())
}

// listFields names fields for a warning, at most maxFieldsNamed of them.
func listFields(fields []string) string {
	if len(fields) <= maxFieldsNamed {
		return strings.Join(fields, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(fields[:maxFieldsNamed], ", "), len(fields)-maxFieldsNamed)
}

// keepAll gives each rule, matched by name, what held keeps of it; it also
// says what, with each field's path prefixed by its rule.
func keepAll(rules []p0.RoutingRule, held map[string]p0.RoutingRule) ([]p0.RoutingRule, p0.KeptFields) {
	var all p0.KeptFields
	out := make([]p0.RoutingRule, len(rules))
	for i, rule := range rules {
		previous, ok := held[rule.Name]
		if !ok {
			out[i] = rule
			continue
		}
		var kept p0.KeptFields
		out[i], kept = p0.KeepUnmanaged(rule, previous)
		prefix := fmt.Sprintf("rule %q ", rule.Name)
		all.Kept = append(all.Kept, prefixed(prefix, kept.Kept)...)
		all.Dropped = append(all.Dropped, prefixed(prefix, kept.Dropped)...)
	}
	return out, all
}

func prefixed(prefix string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = prefix + p
	}
	return out
}
