package routing

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// routingRuleResource manages one routing rule through
// /o/{org}/routing/name/{name}.
type routingRuleResource struct{ framework.ResourceBase }

// NewRoutingRuleResource returns the p0_routing_rule resource.
func NewRoutingRuleResource() resource.Resource {
	return &routingRuleResource{framework.ResourceNamed("routing_rule")}
}

var (
	_ resource.ResourceWithConfigure      = (*routingRuleResource)(nil)
	_ resource.ResourceWithImportState    = (*routingRuleResource)(nil)
	_ resource.ResourceWithIdentity       = (*routingRuleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*routingRuleResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*routingRuleResource)(nil)
)

func (r *routingRuleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, req.Plan, nil, ruleResponse{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics,
		"Unable to Create Routing Rule", "creating", r.createOrAdopt)
}

func (r *routingRuleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	held := framework.HeldUnmanaged[p0.RoutingRule](ctx, req.Private, &resp.Diagnostics)
	r.write(ctx, req.Plan, held, ruleResponse{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics,
		"Unable to Update Routing Rule", "updating", r.update)
}

// ruleResponse is where a write of a rule saves what P0 answered.
type ruleResponse struct {
	state    *tfsdk.State
	identity *tfsdk.ResourceIdentity
	private  framework.PrivateWriter
}

// write sends the planned rule through send, with the fields P0 held that
// the provider does not model (held, from the last read), and stores P0's
// answer, which carries the whole rule, so no read follows.
func (r *routingRuleResource) write(ctx context.Context, plan tfsdk.Plan, held *p0.RoutingRule, resp ruleResponse, diags *diag.Diagnostics,
	summary, verb string, send func(context.Context, p0.RoutingRule) (*p0.RoutingRule, error)) {
	model, op := framework.Begin[routingRuleModel](ctx, r.Base, plan, diags, summary)
	if op.Failed() {
		return
	}
	want := ruleFromFields(model.routingRuleFields)
	if held != nil {
		want, _ = p0.KeepUnmanaged(want, *held)
	}
	got, err := send(ctx, want)
	if clash := (*ruleClashError)(nil); errors.As(err, &clash) {
		framework.AlreadyExists(diags, "Routing Rule Already Exists", fmt.Sprintf("routing rule %q", want.Name), "p0_routing_rule",
			want.Name, clash.conflict, "a different rule with that name already exists in P0, made outside Terraform "+
				"or by another configuration. Rules are addressed by name: give this one another name, or manage the "+
				"existing one with Terraform.")
		return
	}
	if got != nil {
		// With an error too (an update P0 stored in part before the write
		// that completes it failed), this is what P0 holds now: the state
		// says so, and the next apply converges from there.
		r.storeRule(ctx, *got, resp, diags)
	}
	if err != nil {
		op.APIError(fmt.Sprintf("%s routing rule %q", verb, want.Name), err)
	}
}

// storeRule stores the rule P0 answered, what it holds that the provider
// does not model, and the digest of the answer.
func (r *routingRuleResource) storeRule(ctx context.Context, got p0.RoutingRule, resp ruleResponse, diags *diag.Diagnostics) {
	framework.WarnUnreadable(diags, fmt.Sprintf("routing rule %q", got.Name), got.UnreadableFields())
	framework.Store(ctx, resp.state, resp.identity, modelFromRule(got), diags)
	framework.RememberUnmanaged(ctx, resp.private, got, diags)
	framework.RecordDigest(ctx, resp.private, r.ruleDigest(got), diags)
}

// ruleDigest is the digest of a rule as P0 answered it.
func (r *routingRuleResource) ruleDigest(rule p0.RoutingRule) string {
	encoded, err := json.Marshal(rule)
	if err != nil {
		return "" // never the digest of a state: the state is built again
	}
	return r.ReadDigest(encoded)
}

// update sends the rule's new settings.
func (r *routingRuleResource) update(ctx context.Context, want p0.RoutingRule) (*p0.RoutingRule, error) {
	return r.Client.UpdateRoutingRule(ctx, want)
}

// createOrAdopt creates the rule; see adoptIdentical for a 409. A create
// that P0 stored in part before the write completing it failed (see
// p0.Client.CreateRoutingRule) is taken back, so that the next apply
// creates the rule whole instead of meeting one it did not make; a failed
// create leaves nothing in state.
func (r *routingRuleResource) createOrAdopt(ctx context.Context, want p0.RoutingRule) (*p0.RoutingRule, error) {
	got, err := r.Client.CreateRoutingRule(ctx, want)
	if apiErr := (*p0.APIError)(nil); errors.As(err, &apiErr) && errors.Is(apiErr, p0.ErrConflict) {
		return r.adoptIdentical(ctx, want, apiErr)
	}
	if err != nil && got != nil {
		if deleteErr := r.Client.DeleteRoutingRule(ctx, want.Name); deleteErr != nil {
			return nil, fmt.Errorf("%w (and removing the part of the rule P0 stored failed: %v; "+
				"import the rule to manage it)", err, deleteErr)
		}
		return nil, err
	}
	return got, err
}

// ruleClashError is a create refused because a different rule has the
// name.
type ruleClashError struct {
	conflict *p0.APIError
}

func (e *ruleClashError) Error() string { return e.conflict.Error() }

// adoptIdentical resolves a 409 on create. When the existing rule is exactly
// the one being created, as far as the configuration can say (fields the
// provider does not model aside), an earlier attempt committed it and lost
// the answer (a dropped connection, a retried request), so the rule is
// adopted, with whatever else P0 holds in it. Anything else is a genuine
// clash and stays an error.
func (r *routingRuleResource) adoptIdentical(ctx context.Context, want p0.RoutingRule, conflict *p0.APIError) (*p0.RoutingRule, error) {
	existing, err := r.Client.GetRoutingRule(ctx, want.Name)
	if err != nil {
		return nil, err
	}
	if !framework.SameJSON(ruleFromFields(fieldsFromRule(*existing)), want) {
		return nil, &ruleClashError{conflict: conflict}
	}
	tflog.Info(ctx, "routing rule already exists exactly as configured; adopting it", map[string]any{"name": want.Name})
	return existing, nil
}

func (r *routingRuleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	name, op := framework.Begin[types.String](ctx, r.Base, ruleName(req.State), &resp.Diagnostics, "Unable to Read Routing Rule")
	if op.Failed() {
		return
	}
	// The rule is read from the whole workflow, which one request serves to
	// every rule refreshed in an operation.
	got, err := r.Client.RoutingRuleFromWorkflow(ctx, name.ValueString())
	if errors.Is(err, p0.ErrNotFound) {
		tflog.Info(ctx, "routing rule no longer exists in P0; removing it from state", map[string]any{"name": name.ValueString()})
		framework.Forget(ctx, &resp.State, resp.Identity, routingRuleIdentity{Name: name}, &resp.Diagnostics)
		return
	}
	if err != nil {
		op.APIError(fmt.Sprintf("reading routing rule %q", name.ValueString()), err)
		return
	}
	if framework.SameAsStored(ctx, req.Private, r.ruleDigest(*got), &resp.Diagnostics) {
		framework.Keep(ctx, resp.Identity, routingRuleIdentity{Name: name}, &resp.Diagnostics) // the state is built from this very answer
		return
	}
	r.storeRule(ctx, *got, ruleResponse{&resp.State, resp.Identity, resp.Private}, &resp.Diagnostics)
}

// ModifyPlan refuses a group requestor named by nothing, unless P0 holds
// the rule that way (see requireGroupNamed); and warns, in a plan that
// changes the rule, about the fields P0 holds in it that the provider does
// not model: what the update keeps, and what it cannot, because the type
// of the object holding it changes or the rule is replaced by one of
// another name.
func (r *routingRuleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	requireGroupNamed(ctx, req.Config, path.Root("requestor"), func() *p0.RuleRequestor {
		held := framework.HeldUnmanaged[p0.RoutingRule](ctx, req.Private, &resp.Diagnostics)
		return heldRequestor(held, framework.StringAt(ctx, req.Config, path.Root("name")))
	}, &resp.Diagnostics)
	framework.WarnKeptInPlan(ctx, req, resp, []path.Path{path.Root("name")}, func(plan routingRuleModel, held p0.RoutingRule, replaced bool) (string, framework.KeptInPlan) {
		object := fmt.Sprintf("routing rule %q", held.Name)
		if replaced {
			return object, framework.ReplacedBy(held.UnmanagedFields())
		}
		_, kept := p0.KeepUnmanaged(ruleFromFields(plan.routingRuleFields), held)
		return object, framework.KeptInPlan{KeptFields: kept}
	})
}

func (r *routingRuleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	name, op := framework.Begin[types.String](ctx, r.Base, ruleName(req.State), &resp.Diagnostics, "Unable to Delete Routing Rule")
	if op.Failed() {
		return
	}
	err := r.Client.DeleteRoutingRule(ctx, name.ValueString())
	if err != nil && !errors.Is(err, p0.ErrNotFound) {
		op.APIError(fmt.Sprintf("deleting routing rule %q", name.ValueString()), err)
	}
}

// ruleName is the part of the state that Read and Delete need. Decoding only
// the name spares decoding the whole state, which was nearly a third of
// Read's allocations (BenchmarkRoutingRuleRead).
func ruleName(state tfsdk.State) framework.Decodable {
	return framework.AttributeOf{Data: state, Path: path.Root("name")}
}

// ImportState takes the rule's name; Read fills in the rest.
func (r *routingRuleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	name := framework.ImportedID[routingRuleIdentity](ctx, req, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if name == "" {
		resp.Diagnostics.AddError("Invalid Import ID", "Import a routing rule by its name, for example: terraform import p0_routing_rule.example \"Production access\".")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), name)...)
	framework.SetIdentity(ctx, resp.Identity, routingRuleIdentity{Name: types.StringValue(name)}, &resp.Diagnostics)
}
