package framework

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// StringAt reads one string attribute of the configuration; a parent that is
// null or unknown yields null or unknown.
func StringAt(ctx context.Context, config tfsdk.Config, p path.Path) types.String {
	var v types.String
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return types.StringUnknown()
	}
	return v
}

func Known(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

// IsKnownValue reports whether v is known and one of values: the rules
// across attributes that go with an enumeration's values apply to the
// values they were written for, not to those P0 knows beyond them (see
// knownValues).
func IsKnownValue(v types.String, values []string) bool {
	return Known(v) && slices.Contains(values, v.ValueString())
}

// RequireOrForbid reports the attribute at p, of any type, when it is
// missing although required, or set although not allowed. Unknown values
// pass: they are checked again once known.
func RequireOrForbid(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, p path.Path, required bool, missing, forbidden string) {
	if required {
		if IsNull(ctx, config, p) {
			diags.AddAttributeError(p, "Missing Required Attribute", missing+".")
		}
		return
	}
	if IsSet[attr.Value](ctx, config, p) {
		diags.AddAttributeError(p, "Invalid Attribute Combination", forbidden+".")
	}
}

// WarnMeaningless warns about the attribute at p, of any type, when it is
// set where the documents give it no meaning (unused says where it has
// one). It is no error: P0 may hold such a rule, which must stay
// importable, and decides itself what to do with it.
func WarnMeaningless(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, p path.Path, unused string) {
	if IsSet[attr.Value](ctx, config, p) {
		diags.AddAttributeWarning(p, "Attribute Without a Documented Meaning",
			unused+". It is sent as written, for P0 to take or refuse; if it is a mistake, remove it.")
	}
}

// IsNull reports whether the attribute at p, of any type, is null; an
// unknown value is not.
func IsNull(ctx context.Context, config tfsdk.Config, p path.Path) bool {
	var v attr.Value
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return false
	}
	return v.IsNull()
}

// IsSet reports whether the attribute at p has a known, non-null value.
func IsSet[T attr.Value](ctx context.Context, config tfsdk.Config, p path.Path) bool {
	var v T
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return false
	}
	return !v.IsNull() && !v.IsUnknown()
}
