package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stringAt reads one string attribute of the configuration; a parent that is
// null or unknown yields null or unknown.
func stringAt(ctx context.Context, config tfsdk.Config, p path.Path) types.String {
	var v types.String
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return types.StringUnknown()
	}
	return v
}

func known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// requireOrForbid reports the attribute at p, of any type, when it is
// missing although required, or set although not allowed. Unknown values
// pass: they are checked again once known.
func requireOrForbid(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, p path.Path, required bool, missing, forbidden string) {
	if required {
		var v attr.Value
		if d := config.GetAttribute(ctx, p, &v); !d.HasError() && v.IsNull() {
			diags.AddAttributeError(p, "Missing Required Attribute", missing+".")
		}
		return
	}
	if isSet[attr.Value](ctx, config, p) {
		diags.AddAttributeError(p, "Invalid Attribute Combination", forbidden+".")
	}
}

// isSet reports whether the attribute at p has a known, non-null value.
func isSet[T attr.Value](ctx context.Context, config tfsdk.Config, p path.Path) bool {
	var v T
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return false
	}
	return !v.IsNull() && !v.IsUnknown()
}

// positiveDuration accepts a Go duration string ("90s", "5m") longer than
// zero, as time.ParseDuration reads it.
type positiveDuration struct{ described }

var positiveDurationValidator = positiveDuration{"must be a duration such as 90s or 5m, longer than zero"}

func (v positiveDuration) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
			fmt.Sprintf("Attribute %s %s; got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}
