package routing

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The state of one rule as each schema version stored it: P0's provider's
// versions 0 (v0.16.0), 1 (v0.19.0), 2 (v0.51.0) and 3 (v0.53.0), and this
// provider's version 0.
var earlierRuleStates = map[string]struct {
	version int64
	state   string
}{
	"P0 v0": {0, `{"name":"Ops","requestor":{"type":"group","uid":null,"directory":"okta","id":"g1","label":"Ops"},
		"resource":{"type":"any","service":null,"filters":null},
		"approval":[{"type":"group","directory":"okta","id":"g2","label":"Leads","integration":null,"profile_property":null,"services":null,"options":{"allow_one_party":null,"require_reason":true}}]}`},
	"P0 v0 with its version": {0, `{"name":"Ops","version":"3","requestor":{"type":"user","uid":"a@example.com","directory":null,"id":null,"label":null},
		"resource":{"type":"any","service":null,"filters":null},"approval":[{"type":"p0","directory":null,"id":null,"label":null,"integration":null,"profile_property":null,"services":null,"options":null}]}`},
	"P0 v1": {1, `{"name":"Ops","requestor":{"type":"group","uid":null,"groups":[{"directory":"okta","id":"g1","label":"Ops"}]},
		"resource":{"type":"any","service":null,"filters":null},
		"approval":[{"type":"group","directory":"okta","groups":[{"directory":"okta","id":"g2","label":"Leads"}],"integration":null,"profile_property":null,"services":null,"options":{"allow_one_party":null,"require_reason":true}}]}`},
	"P0 v2": {2, `{"name":"Ops","disabled":null,"requestor":{"type":"group","uid":null,"effect":"keep","groups":[{"directory":"okta","id":"g1","label":"Ops"}]},
		"resource":{"type":"any","service":null,"access_type":null,"filters":null},
		"approval":[{"type":"group","directory":"okta","effect":"keep","groups":[{"directory":"okta","id":"g2","label":"Leads"}],"integration":null,"profile_property":null,"services":null,
		"options":{"allow_one_party":null,"require_reason":true,"require_duration":null,"require_preapproval":null,"break_glass_approver":null}}]}`},
	"P0 v3": {3, `{"name":"Ops","disabled":false,"requestor":{"type":"group","uid":null,"effect":"keep","groups":[{"directory":"okta","id":"g1","label":"Ops"}],"agent":null,"user":null},
		"resource":{"type":"any","service":null,"access_type":null,"filters":null},
		"approval":[{"type":"group","directory":"okta","effect":"keep","groups":[{"directory":"okta","id":"g2","label":"Leads"}],"integration":null,"profile_property":null,"services":null,
		"options":{"allow_one_party":null,"require_reason":true,"require_duration":null,"require_preapproval":null,"break_glass_approver":null}}]}`},
	"this provider's v0": {0, `{"id":"Ops","name":"Ops","disabled":false,"requestor":{"type":"group","uid":null,"effect":"keep","groups":[{"directory":"okta","id":"g1","label":"Ops"}]},
		"resource":{"type":"any","service":null,"access_type":null,"filters":null},
		"approval":[{"type":"group","directory":"okta","effect":"keep","groups":[{"directory":"okta","id":"g2","label":"Leads"}],"integration":null,"profile_property":null,"services":null,
		"options":{"allow_one_party":null,"require_reason":true,"cooldown":null,"duration":null,"require_duration":null,"require_preapproval":null,"break_glass_approver":null}}]}`},
}

// TestRuleStateOfEveryVersionUpgrades checks that the state of every
// version, P0's and this provider's, reads as version 4 with the same
// rule: the group of the requestor and of the approval step listed with
// their effect, and the rule's id its name.
func TestRuleStateOfEveryVersionUpgrades(t *testing.T) {
	ctx := context.Background()
	r := &routingRuleResource{}
	var current resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &current)
	for name, c := range earlierRuleStates {
		t.Run(name, func(t *testing.T) {
			resp := resource.UpgradeStateResponse{State: tfsdk.State{Schema: current.Schema}}
			r.UpgradeState(ctx)[c.version].StateUpgrader(ctx, resource.UpgradeStateRequest{RawState: &tfprotov6.RawState{JSON: []byte(c.state)}}, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatalf("upgrade: %v", resp.Diagnostics)
			}
			var got routingRuleModel
			if diags := resp.State.Get(ctx, &got); diags.HasError() {
				t.Fatalf("reading the upgraded state: %v", diags)
			}
			rule := ruleFromFields(got.routingRuleFields)
			if got.ID.ValueString() != rule.Name {
				t.Errorf("id %s, want the name", got.ID)
			}
			if name == "P0 v0 with its version" {
				if rule.Requestor.Type != "user" || rule.Requestor.UID != "a@example.com" || rule.Requestor.Groups != nil {
					t.Errorf("requestor %+v", rule.Requestor)
				}
				return
			}
			q, step := rule.Requestor, rule.Approval[0]
			if q.Effect != "keep" || len(q.Groups) != 1 || q.Groups[0].ID != "g1" || step.Effect != "keep" || len(step.Groups) != 1 ||
				step.Groups[0].Label != "Leads" || step.Options == nil || !*step.Options.RequireReason {
				encoded, _ := json.Marshal(rule)
				t.Errorf("upgraded to %s", encoded)
			}
		})
	}
}

// TestRuleMovesFromAccessPolicy checks that a moved block takes over P0's
// p0_access_policy at each of its versions, and nothing else.
func TestRuleMovesFromAccessPolicy(t *testing.T) {
	ctx := context.Background()
	r := &routingRuleResource{}
	var current resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &current)
	move := func(source string, c struct {
		version int64
		state   string
	}) tftypes.Value {
		resp := resource.MoveStateResponse{TargetState: tfsdk.State{Schema: current.Schema, Raw: tftypes.NewValue(current.Schema.Type().TerraformType(ctx), nil)}}
		req := resource.MoveStateRequest{SourceTypeName: source, SourceSchemaVersion: c.version, SourceRawState: &tfprotov6.RawState{JSON: []byte(c.state)}}
		r.MoveState(ctx)[0].StateMover(ctx, req, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("moving %s: %v", source, resp.Diagnostics)
		}
		return resp.TargetState.Raw
	}
	for _, name := range []string{"P0 v0", "P0 v1", "P0 v2", "P0 v3"} {
		if moved := move(p0AccessPolicy, earlierRuleStates[name]); moved.IsNull() {
			t.Errorf("%s: p0_access_policy not taken over", name)
		}
	}
	if moved := move("p0_aws_iam_write", earlierRuleStates["P0 v3"]); !moved.IsNull() {
		t.Errorf("another type was taken over: %v", moved)
	}

	// State of a version no release of P0's provider has written yet is
	// refused, saying which versions are read.
	resp := resource.MoveStateResponse{TargetState: tfsdk.State{Schema: current.Schema, Raw: tftypes.NewValue(current.Schema.Type().TerraformType(ctx), nil)}}
	req := resource.MoveStateRequest{SourceTypeName: p0AccessPolicy, SourceSchemaVersion: 4, SourceRawState: &tfprotov6.RawState{JSON: []byte(earlierRuleStates["P0 v3"].state)}}
	r.MoveState(ctx)[0].StateMover(ctx, req, &resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "p0_access_policy state at schema version 4 is newer than this provider reads (3 and earlier)") {
		t.Errorf("p0_access_policy at version 4: %v; want it refused", resp.Diagnostics)
	}
}
