package framework

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// StateFromJSON sets state from raw, a state as Terraform stores it (its
// attributes by name, as JSON), after edit has brought it to state's
// shape: how a state upgrader or a moved block reads a shape of another
// schema (an earlier version of this resource's, or another provider's)
// without declaring it. The attributes it leaves out are null; those
// state's schema does not have are ignored.
func StateFromJSON(ctx context.Context, raw *tfprotov6.RawState, state *tfsdk.State, diags *diag.Diagnostics, edit func(object map[string]any) error) {
	const summary = "Unable to Read Earlier State"
	if raw == nil || raw.JSON == nil {
		diags.AddError(summary, "Terraform sent no state to read. This is a bug in Terraform or the provider; please report it.")
		return
	}
	var object map[string]any
	if err := json.Unmarshal(raw.JSON, &object); err != nil {
		diags.AddError(summary, "The state is not a JSON object: "+err.Error()+".")
		return
	}
	if err := edit(object); err != nil {
		diags.AddError(summary, err.Error())
		return
	}
	data, err := json.Marshal(object)
	if err != nil {
		diags.AddError(summary, "Encoding the state: "+err.Error()+". This is a bug in the provider; please report it.")
		return
	}
	value, err := tftypes.ValueFromJSONWithOpts(data, state.Schema.Type().TerraformType(ctx), tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true})
	if err != nil {
		diags.AddError(summary, "The state does not have the shape this provider reads: "+err.Error()+".")
		return
	}
	state.Raw = value
}

// JSONObject is v as a JSON object, or nil when it is not one.
func JSONObject(v any) map[string]any {
	o, _ := v.(map[string]any)
	return o
}

// JSONObjects are the JSON objects in v, a list; nil when it is not one.
func JSONObjects(v any) []map[string]any {
	items, _ := v.([]any)
	var out []map[string]any
	for _, item := range items {
		if o := JSONObject(item); o != nil {
			out = append(out, o)
		}
	}
	return out
}
