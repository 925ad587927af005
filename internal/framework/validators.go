package framework

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Validators that several schemas use. Validation is never stricter than
// P0: a value P0 may hold warns where the documents do not list it, and
// only what P0 cannot take is an error.

// NonEmpty rejects "" in optional strings: P0 omits empty strings, so an
// empty value would read back as null and never converge.
var NonEmpty = []validator.String{stringvalidator.LengthAtLeast(1)}

// knownValues warns about a value that is not one of the documents'. P0
// holds more than its documents list (an "agentic" requestor, say), and
// whatever P0 holds must be importable and writable, so the value is
// accepted; the warning catches a typo.
type knownValues []string

func (k knownValues) Description(context.Context) string {
	return "should be one of " + strings.Join(k, ", ")
}

func (k knownValues) MarkdownDescription(context.Context) string {
	return "should be one of " + CodeList(k)
}

func (k knownValues) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !Known(req.ConfigValue) || req.ConfigValue.ValueString() == "" || slices.Contains(k, req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, "Value Not Known to the Provider",
		fmt.Sprintf("Attribute %s is %q, which is none of the values P0's documents list: %s. P0 knows more "+
			"than its documents list, so the value is sent as written; if it is a typo, correct it.",
			req.Path, req.ConfigValue.ValueString(), strings.Join(k, ", ")))
}

type negativeWarns struct{ Described }

func (negativeWarns) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueInt64() >= 0 {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, "Negative Count",
		fmt.Sprintf("Attribute %s is %d, while P0's documents show counts of 0 or more. It is sent as written, "+
			"for P0 to take or refuse; if it is a mistake, correct it.", req.Path, req.ConfigValue.ValueInt64()))
}

// Described gives a validator or plan modifier its Description and
// MarkdownDescription, which are the same plain text.
type Described string

func (d Described) Description(context.Context) string { return string(d) }

func (d Described) MarkdownDescription(context.Context) string { return string(d) }

// positiveDuration accepts a Go duration string ("90s", "5m") longer than
// zero, as time.ParseDuration reads it.
type positiveDuration struct{ Described }

var PositiveDurationValidator = positiveDuration{"must be a duration such as 90s or 5m, longer than zero"}

func (v positiveDuration) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !Known(req.ConfigValue) {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Duration",
			fmt.Sprintf("Attribute %s %s; got %q.", req.Path, v.Description(ctx), req.ConfigValue.ValueString()))
	}
}

// NotEmptyObject refuses an object whose attributes are all null. Such an
// object says nothing, and P0's answer to it reads back as no object at
// all (see fieldsFromRule), so it would never converge.
var NotEmptyObject = emptyObjectValidator{"must set at least one attribute when set"}

type emptyObjectValidator struct{ Described }

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
