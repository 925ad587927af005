package provider

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// The rules of p0_routing_workflow are `rule` blocks rather than a list
// attribute: a routing configuration kept in Git is a long, hand-written,
// ordered list of large objects, usually with a comment above each, and
// repeated blocks read as that list in the order P0 evaluates it, the way
// ingress rules and statements read in other providers. A `dynamic "rule"`
// block builds them from a variable where needed.

func (r *routingWorkflowResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "P0's whole routing (access request) workflow as one resource: every rule, in the " +
			"order P0 evaluates them. The organization's routing is then exactly the configuration: rules added, " +
			"removed, reordered or changed in P0 show up in the next plan, and the apply restores the " +
			"configuration. Every save names the workflow version read at the last refresh, so that a change " +
			"made meanwhile is never overwritten unseen. Destroying the resource saves an empty rule list. Never " +
			"manage one organization with both `p0_routing_workflow` and `p0_routing_rule`.",
		Attributes: map[string]schema.Attribute{
			"id": idAttribute("The P0 organization id, which is also the import ID."),
		},
		Blocks: map[string]schema.Block{
			"rule": schema.ListNestedBlock{
				MarkdownDescription: "A routing rule, with the attributes of `p0_routing_rule`. The order of the " +
					"blocks is the order in which P0 evaluates the rules; names must be unique.",
				NestedObject: schema.NestedBlockObject{Attributes: workflowRuleAttributes()},
			},
		},
	}
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
	resp.IdentitySchema = orgIdentitySchema
}
