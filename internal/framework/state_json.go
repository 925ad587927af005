package framework

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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

// MovedFrom is the state mover of a moved block from source, a type of
// P0's own provider, which is published under the same address: edit
// brings its state, of the schema version P0's provider wrote, to this
// resource's shape, in place (see StateFromJSON). State of a version newer
// than newest, which a later release of P0's provider may write, is
// refused. A move from any other type is left to the resource's other
// movers.
func MovedFrom(source string, newest int64, edit func(state map[string]any, version int64)) resource.StateMover {
	return resource.StateMover{
		StateMover: func(ctx context.Context, req resource.MoveStateRequest, resp *resource.MoveStateResponse) {
			if req.SourceTypeName != source {
				return
			}
			StateFromJSON(ctx, req.SourceRawState, &resp.TargetState, &resp.Diagnostics, func(state map[string]any) error {
				if req.SourceSchemaVersion > newest {
					return fmt.Errorf("%s state at schema version %d is newer than this provider reads (%d and earlier): "+
						"use the provider that wrote it, or a newer release of this one", source, req.SourceSchemaVersion, newest)
				}
				edit(state, req.SourceSchemaVersion)
				return nil
			})
		},
	}
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
