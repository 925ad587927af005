package p0

import (
	"fmt"
	"maps"
	"slices"
)

// What a write of a rule keeps of what P0 held. A rule built from a
// configuration carries only what the client models; KeepUnmanaged gives
// it back, at every depth, the fields that P0 held and the client does not
// model, so that a write never removes them.
//
// Objects are matched as P0 holds them: the rule by its name (the caller's
// business), approval steps by what they are (type, who approves, effect;
// a step edited in place by its position), filters by name, groups by
// directory and id. An object whose type changes keeps nothing of what it
// held: those fields belonged to its old kind (an "agentic" requestor's
// agent, say) and would be wrong beside the new one. An object the
// configuration leaves out takes its fields with it, except the approval
// options, which P0 may hold with nothing but fields the client does not
// model: they are kept as they are. A type left empty, which no write
// sends (a plan may not know it yet), counts as unchanged.

// KeptFields says what KeepUnmanaged kept and what it left behind, as
// paths into the rule ("requestor.agent", "approval[0].options.tier").
type KeptFields struct {
	// Kept are sent back as P0 holds them.
	Kept []string
	// Dropped were held by an object whose type changes.
	Dropped []string
}

// Empty reports whether nothing was kept or dropped.
func (k KeptFields) Empty() bool { return len(k.Kept) == 0 && len(k.Dropped) == 0 }

// keep records the fields of u, at path at, as kept; it returns u.
func (k *KeptFields) keep(at string, u Unmanaged) Unmanaged {
	k.Kept = append(k.Kept, u.names(at)...)
	return u
}

// drop records every unmanaged field of o and of the objects in it, at
// path at, as dropped.
func (k *KeptFields) drop(at string, o wireObject) {
	k.Dropped = append(k.Dropped, unmanagedFields(at, o)...)
}

// KeepUnmanaged returns rule with the fields P0 holds in previous that the
// client does not model, and says which.
func KeepUnmanaged(rule, previous RoutingRule) (RoutingRule, KeptFields) {
	var kept KeptFields
	rule.Unmanaged = kept.keep("", previous.Unmanaged)
	rule.Requestor = keepRequestor(rule.Requestor, previous.Requestor, &kept)
	rule.Resource = keepResource(rule.Resource, previous.Resource, &kept)
	rule.Approval = slices.Clone(rule.Approval)
	for i, j := range matchSteps(rule.Approval, previous.Approval) {
		if j >= 0 {
			rule.Approval[i] = keepApproval(rule.Approval[i], previous.Approval[j], fmt.Sprintf("approval[%d].", i), &kept)
		}
	}
	return rule, kept
}

// matchSteps pairs each step of steps with the step of previous it is, or
// -1: first the step that is the same (removing or reordering steps moves
// none of P0's fields to another step), then, for a step edited in place,
// the one at its position that no other step is.
func matchSteps(steps, previous []Approval) []int {
	match := make([]int, len(steps))
	taken := make([]bool, len(previous))
	for i, step := range steps {
		match[i] = -1
		for j, was := range previous {
			if !taken[j] && sameStep(step, was) {
				match[i], taken[j] = j, true
				break
			}
		}
	}
	for i := range steps {
		if match[i] < 0 && i < len(previous) && !taken[i] {
			match[i], taken[i] = i, true
		}
	}
	return match
}

// sameStep reports whether two steps are one: the same type, approvers and
// effect, whatever their options.
func sameStep(a, b Approval) bool {
	return a.Type == b.Type && a.Directory == b.Directory && a.Integration == b.Integration &&
		a.ProfileProperty == b.ProfileProperty && a.Effect == b.Effect &&
		sameSet(a.Services, b.Services, func(s string) string { return s }) &&
		sameSet(a.Groups, b.Groups, func(g Group) string { return g.Directory + "\x00" + g.ID })
}

// sameSet reports whether a and b hold the same elements by key, in any
// order.
func sameSet[T any](a, b []T, key func(T) string) bool {
	keys := func(xs []T) []string {
		out := make([]string, len(xs))
		for i, x := range xs {
			out[i] = key(x)
		}
		slices.Sort(out)
		return out
	}
	return len(a) == len(b) && slices.Equal(keys(a), keys(b))
}

func keepRequestor(requestor, previous RuleRequestor, kept *KeptFields) RuleRequestor {
	if typeChanges(requestor.Type, previous.Type) {
		kept.drop("requestor.", &previous)
		return requestor
	}
	requestor.Unmanaged = kept.keep("requestor.", previous.Unmanaged)
	requestor.Groups = keepGroups(requestor.Groups, previous.Groups, "requestor.", kept)
	if a, was := requestor.Agent, previous.Agent; a != nil && was != nil {
		agent := keepAgent(*a, *was, kept)
		requestor.Agent = &agent
	}
	if u, was := requestor.User, previous.User; u != nil && was != nil {
		user := keepUser(*u, *was, kept)
		requestor.User = &user
	}
	return requestor
}

// keepAgent and keepUser keep what an agentic requestor's agent and user
// held.
func keepAgent(agent, previous RequestorAgent, kept *KeptFields) RequestorAgent {
	if typeChanges(agent.Type, previous.Type) {
		kept.drop("requestor.agent.", &previous)
		return agent
	}
	agent.Unmanaged = kept.keep("requestor.agent.", previous.Unmanaged)
	agent.Groups.Groups = keepGroups(agent.Groups.Groups, previous.Groups.Groups, "requestor.agent.", kept)
	return agent
}

func keepUser(user, previous RequestorUser, kept *KeptFields) RequestorUser {
	if typeChanges(user.Type, previous.Type) {
		kept.drop("requestor.user.", &previous)
		return user
	}
	user.Unmanaged = kept.keep("requestor.user.", previous.Unmanaged)
	user.Groups = keepGroups(user.Groups, previous.Groups, "requestor.user.", kept)
	return user
}

func keepResource(resource, previous RuleResource, kept *KeptFields) RuleResource {
	if typeChanges(resource.Type, previous.Type) {
		kept.drop("resource.", &previous)
		return resource
	}
	resource.Unmanaged = kept.keep("resource.", previous.Unmanaged)
	if resource.Filters != nil {
		resource.Filters = maps.Clone(resource.Filters)
	}
	for name, filter := range resource.Filters {
		if was, ok := previous.Filters[name]; ok {
			filter.Unmanaged = kept.keep(fmt.Sprintf("resource.filters[%q].", name), was.Unmanaged)
			resource.Filters[name] = filter
		}
	}
	return resource
}

func keepApproval(step, previous Approval, at string, kept *KeptFields) Approval {
	if typeChanges(step.Type, previous.Type) {
		kept.drop(at, &previous)
		return step
	}
	step.Unmanaged = kept.keep(at, previous.Unmanaged)
	step.Groups = keepGroups(step.Groups, previous.Groups, at, kept)
	if previous.Options == nil {
		return step
	}
	options := ApprovalOptions{}
	if step.Options != nil {
		options = *step.Options
	}
	options.Unmanaged = kept.keep(at+"options.", previous.Options.Unmanaged)
	if step.Options != nil || len(options.Unmanaged) > 0 {
		step.Options = &options
	}
	return step
}

// typeChanges reports whether an object of type previous becomes one of
// type now ("" is not known yet).
func typeChanges(now, previous string) bool { return now != "" && now != previous }

// keepGroups matches groups by directory and id.
func keepGroups(groups, previous []Group, at string, kept *KeptFields) []Group {
	groups = slices.Clone(groups)
	for i, group := range groups {
		j := slices.IndexFunc(previous, func(was Group) bool { return was.Directory == group.Directory && was.ID == group.ID })
		if j >= 0 {
			groups[i].Unmanaged = kept.keep(fmt.Sprintf("%sgroups[%d].", at, i), previous[j].Unmanaged)
		}
	}
	return groups
}

// UnmanagedFields lists the paths of the fields the rule holds, at any
// depth, that the client does not model.
func (r RoutingRule) UnmanagedFields() []string { return unmanagedFields("", &r) }

// UnreadableFields lists the values the rule holds, at any depth, that
// could not be read as their field's type: kept as P0 holds them, and sent
// back unchanged while the configuration leaves the field unset.
func (r RoutingRule) UnreadableFields() []UnreadableField { return unreadableFields("", &r) }

// HasUnmanaged reports whether the rule holds, at any depth, a field the
// client does not model.
func (r RoutingRule) HasUnmanaged() bool { return len(r.UnmanagedFields()) > 0 }
