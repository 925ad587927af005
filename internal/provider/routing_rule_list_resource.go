package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
)

func (l *routingRuleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the organization's routing rules, in evaluation order, from one read of " +
			"the routing workflow.",
	}
}

func (l *routingRuleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	listObjects(ctx, l.base, req, stream, "Unable to List Routing Rules", l.rules)
}

// rules is every rule of the workflow.
func (l *routingRuleListResource) rules(ctx context.Context, _ struct{}, op operation) []found {
	workflow, err := l.client.GetWorkflow(ctx)
	if err != nil {
		op.apiError("listing the routing rules", err)
		return nil
	}
	objects := make([]found, 0, len(workflow.Rules))
	for _, rule := range workflow.Rules {
		object := found{displayName: rule.Name, model: modelFromRule(rule)}
		warnUnreadable(&object.warnings, fmt.Sprintf("routing rule %q", rule.Name), rule.UnreadableFields())
		objects = append(objects, object)
	}
	return objects
}
