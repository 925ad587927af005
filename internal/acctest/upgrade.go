package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Upgrade runs r's state upgrader from version on prior, a state of that
// version written as Go values (strings, booleans, nested maps; nil for
// null), and decodes the upgraded state into M.
func Upgrade[M any](t *testing.T, r resource.Resource, version int64, prior map[string]any) M {
	t.Helper()
	ctx := context.Background()
	upgradable, ok := r.(resource.ResourceWithUpgradeState)
	if !ok {
		t.Fatalf("%T upgrades no state", r)
	}
	upgrader, ok := upgradable.UpgradeState(ctx)[version]
	if !ok || upgrader.PriorSchema == nil {
		t.Fatalf("%T has no upgrader, with its prior schema, from version %d", r, version)
	}
	var current resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &current)
	raw := terraformValue(upgrader.PriorSchema.Type().TerraformType(ctx), prior)
	resp := resource.UpgradeStateResponse{State: tfsdk.State{Schema: current.Schema}}
	upgrader.StateUpgrader(ctx, resource.UpgradeStateRequest{State: &tfsdk.State{Schema: upgrader.PriorSchema, Raw: raw}}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("upgrading from version %d: %v", version, resp.Diagnostics)
	}
	var upgraded M
	if diags := resp.State.Get(ctx, &upgraded); diags.HasError() {
		t.Fatalf("reading the upgraded state: %v", diags)
	}
	return upgraded
}

// terraformValue is v as a value of typ: an object's attributes that v
// leaves out are null.
func terraformValue(typ tftypes.Type, v any) tftypes.Value {
	if v == nil {
		return tftypes.NewValue(typ, nil)
	}
	switch typ := typ.(type) {
	case tftypes.Object:
		fields, _ := v.(map[string]any)
		values := map[string]tftypes.Value{}
		for name, attribute := range typ.AttributeTypes {
			values[name] = terraformValue(attribute, fields[name])
		}
		return tftypes.NewValue(typ, values)
	case tftypes.List:
		items, _ := v.([]any)
		values := make([]tftypes.Value, len(items))
		for i, item := range items {
			values[i] = terraformValue(typ.ElementType, item)
		}
		return tftypes.NewValue(typ, values)
	}
	return tftypes.NewValue(typ, v)
}
