package provider

import (
	"context"
	"fmt"
	"slices"
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

// isKnownValue reports whether v is known and one of values: the rules
// across attributes that go with an enumeration's values apply to the
// values they were written for, not to those P0 knows beyond them (see
// knownValues).
func isKnownValue(v types.String, values []string) bool {
	return known(v) && slices.Contains(values, v.ValueString())
}

// requireOrForbid reports the attribute at p, of any type, when it is
// missing although required, or set although not allowed. Unknown values
// pass: they are checked again once known.
func requireOrForbid(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, p path.Path, required bool, missing, forbidden string) {
	if required {
		if isNull(ctx, config, p) {
			diags.AddAttributeError(p, "Missing Required Attribute", missing+".")
		}
		return
	}
	if isSet[attr.Value](ctx, config, p) {
		diags.AddAttributeError(p, "Invalid Attribute Combination", forbidden+".")
	}
}

// warnMeaningless warns about the attribute at p, of any type, when it is
// set where the documents give it no meaning (unused says where it has
// one). It is no error: P0 may hold such a rule, which must stay
// importable, and decides itself what to do with it.
func warnMeaningless(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics, p path.Path, unused string) {
	if isSet[attr.Value](ctx, config, p) {
		diags.AddAttributeWarning(p, "Attribute Without a Documented Meaning",
			unused+". It is sent as written, for P0 to take or refuse; if it is a mistake, remove it.")
	}
}

// isNull reports whether the attribute at p, of any type, is null; an
// unknown value is not.
func isNull(ctx context.Context, config tfsdk.Config, p path.Path) bool {
	var v attr.Value
	if diags := config.GetAttribute(ctx, p, &v); diags.HasError() {
		return false
	}
	return v.IsNull()
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

// notEmptyObject refuses an object whose attributes are all null. Such an
// object says nothing, and P0's answer to it reads back as no object at
// all (see fieldsFromRule), so it would never converge.
var notEmptyObject = emptyObjectValidator{"must set at least one attribute when set"}

type emptyObjectValidator struct{ described }

func (v emptyObjectValidator) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, value := range req.ConfigValue.Attributes() {
		if !value.IsNull() {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Empty Object",
		fmt.Sprintf("Attribute %s sets nothing: set at least one of its attributes, or leave it out, "+
			"and P0 keeps its defaults.", req.Path))
}
