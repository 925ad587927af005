package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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
func requireOrForbid(ctx context.Context, config tfsdk.Config, resp *resource.ValidateConfigResponse, p path.Path, required bool, missing, forbidden string) {
	if required {
		var v attr.Value
		if diags := config.GetAttribute(ctx, p, &v); !diags.HasError() && v.IsNull() {
			resp.Diagnostics.AddAttributeError(p, "Missing Required Attribute", missing+".")
		}
		return
	}
	if isSet[attr.Value](ctx, config, p) {
		resp.Diagnostics.AddAttributeError(p, "Invalid Attribute Combination", forbidden+".")
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
