package routing

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// The rules of p0_routing_workflow are one list attribute, as HashiCorp
// advises for new protocol-6 schemas rather than repeated blocks: a list
// of 500 rule blocks costs the framework seconds of CPU on every plan,
// which walks the schema for every value of a nested block
// (hashicorp/terraform-plugin-framework#775); a `for` expression builds
// the list from a variable where `dynamic` blocks would have.

func (r *routingWorkflowResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "P0's whole routing (access request) workflow as one resource: every rule, in the " +
			"order P0 evaluates them. The organization's routing is then exactly the configuration: rules added, " +
			"removed, reordered or changed in P0 show up in the next plan, and the apply restores the " +
			"configuration. Every save names the workflow version read at the last refresh, so that a change " +
			"made meanwhile is never overwritten unseen. Fields P0 holds that this resource does not model, in " +
			"the workflow and in each rule, are kept: every save sends them back as P0 holds them. Destroying " +
			"the resource saves an empty rule list. Never manage one organization with both " +
			"`p0_routing_workflow` and `p0_routing_rule`.",
		Attributes: map[string]schema.Attribute{
			"id": framework.IDAttribute("The P0 organization id, which is also the import ID."),
			"rules": schema.ListNestedAttribute{
				MarkdownDescription: "The routing rules, each with the attributes of `p0_routing_rule`, in the " +
					"order P0 evaluates them; names must be unique. `[]` leaves the organization without rules.",
				Required:     true,
				NestedObject: schema.NestedAttributeObject{Attributes: workflowRuleAttributes()},
			},
		},
	}
	resp.Schema = framework.Typed(resp.Schema)
}

// workflowRuleAttributes are a p0_routing_rule's attributes, validators and
// defaults as one rule of the workflow: without the id, which is the name,
// and without the name's replacement, since a renamed rule is just a
// changed workflow.
func workflowRuleAttributes() map[string]schema.Attribute {
	attributes := maps.Clone(routingRuleSchema().Attributes)
	delete(attributes, "id")
	name, ok := attributes["name"].(schema.StringAttribute)
	if !ok {
		panic(fmt.Sprintf("routing rule name is a %T, not a string attribute", attributes["name"])) // a programming error every test catches
	}
	name.MarkdownDescription = ruleNameDescription
	name.PlanModifiers = nil
	attributes["name"] = name
	return attributes
}

func (r *routingWorkflowResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.OrgIdentitySchema
}
