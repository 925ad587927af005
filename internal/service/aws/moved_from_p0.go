package aws

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/p0-security/terraform-provider-p0/internal/framework"
)

// P0's own provider, published under the same address, serves the AWS
// integration's components as a type each, at schema version 0:
// p0_aws_iam_write and p0_aws_inventory, and their _staged forms. Moved
// blocks take them over into p0_aws_component and p0_aws_component_staged:
// the component from the type, the account from the id, the label, state,
// login and role mapped. What has no counterpart here (the partition, a
// login's parent and federation provider) stays in P0 as P0 holds it:
// every write sends it back.

// p0ComponentTypes are P0's provider's types of the installed components,
// by the component each installs.
var p0ComponentTypes = map[string]string{"p0_aws_iam_write": "iam-write", "p0_aws_inventory": "inventory"}

// movedFromP0 are the movers of the moved blocks an AWS resource takes: from
// P0's types of the components (staged: their _staged forms), each with
// how its state reads.
func movedFromP0(staged bool, edit func(state map[string]any, component string)) []resource.StateMover {
	var movers []resource.StateMover
	for _, source := range slices.Sorted(maps.Keys(p0ComponentTypes)) {
		component := p0ComponentTypes[source]
		if staged {
			source += "_staged"
		}
		movers = append(movers, framework.MovedFrom(source, 0, func(state map[string]any, _ int64) { edit(state, component) }))
	}
	return movers
}

// movedItem replaces state, of one of P0's component types, with the item
// target this provider names it by, and fields.
func movedItem(state map[string]any, component string, fields map[string]any) {
	account := state["id"]
	target := map[string]any{"id": fmt.Sprint(component, "/", account), "component": component, "account_id": account}
	clear(state)
	maps.Copy(state, target)
	maps.Copy(state, fields)
}

// movedComponent reads P0's installed component's state.
func movedComponent(state map[string]any, component string) {
	fields := map[string]any{"label": state["label"], "state": state["state"]}
	if login := framework.JSONObject(state["login"]); login != nil {
		fields["login"] = map[string]any{"type": login["type"], "identity": login["identity"]}
	}
	movedItem(state, component, fields)
}

// movedStagedComponent reads P0's staged component's state.
func movedStagedComponent(state map[string]any, component string) {
	fields := map[string]any{"label": state["label"], "service_account_id": state["service_account_id"]}
	if role := framework.JSONObject(state["role"]); role != nil {
		fields["role_name"], fields["trust_policy"] = role["name"], role["trust_policy"]
		fields["inline_policy"], fields["inline_policy_name"] = role["inline_policy"], role["inline_policy_name"]
	}
	movedItem(state, component, fields)
}
