package routing

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// routingRuleListResource lists the organization's routing rules, for
// terraform query.
type routingRuleListResource struct{ framework.ResourceBase }

// NewRoutingRuleListResource returns the p0_routing_rule list resource.
func NewRoutingRuleListResource() list.ListResource {
	return &routingRuleListResource{framework.ResourceNamed("routing_rule")}
}

var (
	_ list.ListResourceWithConfigure = (*routingRuleListResource)(nil)
)

func (l *routingRuleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the organization's routing rules, in evaluation order, from one read of " +
			"the routing workflow.",
	}
}

func (l *routingRuleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	framework.ListObjects(ctx, l.Base, req, stream, "Unable to List Routing Rules", l.rules)
}

// rules is every rule of the workflow.
func (l *routingRuleListResource) rules(ctx context.Context, _ struct{}, op framework.Operation) []framework.Found {
	workflow, err := l.Client.GetWorkflow(ctx)
	if err != nil {
		op.APIError("listing the routing rules", err)
		return nil
	}
	objects := make([]framework.Found, 0, len(workflow.Rules))
	for _, rule := range workflow.Rules {
		object := framework.Found{DisplayName: rule.Name, Model: modelFromRule(rule)}
		framework.WarnUnreadable(&object.Warnings, fmt.Sprintf("routing rule %q", rule.Name), rule.UnreadableFields())
		objects = append(objects, object)
	}
	return objects
}
