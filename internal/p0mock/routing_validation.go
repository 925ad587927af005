package p0mock

import (
	"fmt"
	"maps"
	"slices"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// validateRule checks one rule, naming the offending field as the JSON
// path the client sent, so that a client bug is easy to place.
func validateRule(rule p0.RoutingRule) error {
	if rule.Name == "" {
		return badRequest("name is required")
	}
	if err := oneOf("requestor.type", rule.Requestor.Type, p0.RequestorTypes); err != nil {
		return err
	}
	if rule.Requestor.Type != "any" && rule.Requestor.UID == "" {
		return badRequest("requestor.uid is required when requestor.type is %s", rule.Requestor.Type)
	}
	if err := validateResource(rule.Resource); err != nil {
		return err
	}
	if len(rule.Approval) == 0 {
		return badRequest("approval must have at least one step")
	}
	for i, step := range rule.Approval {
		if err := oneOf(fmt.Sprintf("approval[%d].type", i), step.Type, p0.ApprovalTypes); err != nil {
			return err
		}
	}
	return nil
}

func validateResource(resource p0.RuleResource) error {
	if err := oneOf("resource.type", resource.Type, p0.ResourceTypes); err != nil {
		return err
	}
	if resource.Type == "integration" && resource.Service == "" {
		return badRequest("resource.service is required when resource.type is integration")
	}
	// Sorted, so that the same body always reports the same filter.
	for _, name := range slices.Sorted(maps.Keys(resource.Filters)) {
		field := fmt.Sprintf("resource.filters[%q].effect", name)
		if err := oneOf(field, resource.Filters[name].Effect, p0.FilterEffects); err != nil {
			return err
		}
	}
	return nil
}

// validateWorkflowRules checks every rule of a whole-workflow save and that
// no two share a name, since rules are addressed by name.
func validateWorkflowRules(rules []p0.RoutingRule) error {
	seen := map[string]bool{}
	for i, rule := range rules {
		if err := validateRule(rule); err != nil {
			return badRequest("workflow.rules[%d]: %v", i, err)
		}
		if seen[rule.Name] {
			return badRequest("workflow.rules[%d]: duplicate rule name %q", i, rule.Name)
		}
		seen[rule.Name] = true
	}
	return nil
}
