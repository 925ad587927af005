package routing

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// The state p0_routing_rule reads. P0's own provider (published under the
// same address) stored p0_routing_rule, and then p0_access_policy, at
// schema versions 0 to 3; this provider stored its own version 0. Version
// 4 reads every one of them, told apart by their shape where the version
// number is shared: this provider's state has an id, P0's never had.
//
//   - P0's version 0 named a group on the requestor and on each approval
//     step itself (directory, id, label);
//   - its version 1 listed groups;
//   - its version 2 added their effect (groups admit their members: keep),
//     and disabled;
//   - its version 3 added the agentic requestor's agent and user: this
//     provider's shape, without an id.
//
// An upgraded rule needs only to have this provider's shape: the first
// refresh reads every value from P0.

// routingRuleSchemaVersion is p0_routing_rule's schema version.
const routingRuleSchemaVersion = 4

// p0AccessPolicy is the type P0's provider serves routing rules as, which
// moved blocks take over.
const p0AccessPolicy = "p0_access_policy"

var (
	_ resource.ResourceWithUpgradeState = (*routingRuleResource)(nil)
	_ resource.ResourceWithMoveState    = (*routingRuleResource)(nil)
)

func (r *routingRuleResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	upgraders := map[int64]resource.StateUpgrader{}
	for version := range int64(routingRuleSchemaVersion) {
		upgraders[version] = resource.StateUpgrader{
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				framework.StateFromJSON(ctx, req.RawState, &resp.State, &resp.Diagnostics, func(rule map[string]any) error {
					upgradeRule(rule, version)
					return nil
				})
			},
		}
	}
	return upgraders
}

// MoveState takes over P0's provider's p0_access_policy, of any of its
// schema versions (0 to 3), with a moved block.
func (r *routingRuleResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{framework.MovedFrom(p0AccessPolicy, routingRuleSchemaVersion-1, upgradeRule)}
}

// upgradeRule brings a rule's state, of schema version from (P0's 0 to 3,
// or this provider's 0), to this provider's shape, in place.
func upgradeRule(rule map[string]any, from int64) {
	if _, own := rule["id"]; from == 0 && own {
		return // this provider's version 0: the same attributes, fewer
	}
	if from == 0 {
		namedGroupsListed(rule)
	}
	if from <= 1 {
		groupEffectsKept(rule)
	}
	rule["id"] = rule["name"]
}

// namedGroupsListed is P0's version 0 to 1: a group named by directory, id
// and label on the requestor or an approval step becomes its list of
// groups; the approval step keeps its directory, as P0's provider did.
func namedGroupsListed(rule map[string]any) {
	for _, object := range ruleGroupHolders(rule) {
		group := map[string]any{"directory": object["directory"], "id": object["id"], "label": object["label"]}
		object["groups"] = nil
		if object["type"] == "group" {
			object["groups"] = []any{group}
		}
		delete(object, "id")
		delete(object, "label")
	}
	if requestor := framework.JSONObject(rule["requestor"]); requestor != nil {
		delete(requestor, "directory")
	}
}

// groupEffectsKept is P0's version 1 to 2: a group requestor's or approval
// step's groups keep their members; other types have no groups.
func groupEffectsKept(rule map[string]any) {
	for _, object := range ruleGroupHolders(rule) {
		if object["type"] == "group" {
			object["effect"] = "keep"
		} else {
			object["groups"], object["effect"] = nil, nil
		}
	}
}

// ruleGroupHolders are the objects of a rule that name groups: its
// requestor and its approval steps.
func ruleGroupHolders(rule map[string]any) []map[string]any {
	holders := framework.JSONObjects(rule["approval"])
	if requestor := framework.JSONObject(rule["requestor"]); requestor != nil {
		holders = append([]map[string]any{requestor}, holders...)
	}
	return holders
}
