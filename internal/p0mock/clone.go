package p0mock

import (
	"maps"
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// Deep copies of the wire types. State handed in or out must never share
// maps, slices or pointers with the caller: a test changing what it got
// back would otherwise change the server behind its lock.

// clonePointer copies the value p points to; T must hold no references.
func clonePointer[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// cloneRules copies rules. The result is never nil, so it encodes as [].
func cloneRules(rules []p0.RoutingRule) []p0.RoutingRule {
	cloned := make([]p0.RoutingRule, len(rules))
	for i, rule := range rules {
		cloned[i] = cloneRule(rule)
	}
	return cloned
}

func cloneRule(rule p0.RoutingRule) p0.RoutingRule {
	rule.Resource.Filters = cloneFilters(rule.Resource.Filters)
	rule.Approval = cloneApprovals(rule.Approval)
	return rule
}

func cloneFilters(filters map[string]p0.ResourceFilter) map[string]p0.ResourceFilter {
	cloned := maps.Clone(filters)
	for name, filter := range cloned {
		filter.Value = clonePointer(filter.Value)
		cloned[name] = filter
	}
	return cloned
}

func cloneApprovals(approvals []p0.Approval) []p0.Approval {
	cloned := slices.Clone(approvals)
	for i := range cloned {
		cloned[i].Services = slices.Clone(cloned[i].Services)
		cloned[i].Options = cloneApprovalOptions(cloned[i].Options)
	}
	return cloned
}

func cloneApprovalOptions(options *p0.ApprovalOptions) *p0.ApprovalOptions {
	if options == nil {
		return nil
	}
	return &p0.ApprovalOptions{
		AllowOneParty: clonePointer(options.AllowOneParty),
		RequireReason: clonePointer(options.RequireReason),
		Cooldown:      clonePointer(options.Cooldown),
		Duration:      clonePointer(options.Duration),
	}
}

// cloneAWSItem copies item; AWSLogin holds no references, so copying the
// pointer's target is deep enough.
func cloneAWSItem(item p0.AWSItem) p0.AWSItem {
	item.Login = clonePointer(item.Login)
	return item
}

func cloneCommand(command p0.CommandRequest) p0.CommandRequest {
	command.Argv = slices.Clone(command.Argv)
	return command
}
