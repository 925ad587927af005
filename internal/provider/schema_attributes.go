package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema attributes that several resources declare alike.

// nonEmpty rejects "" in optional strings: P0 omits empty strings, so an
// empty value would read back as null and never converge.
var nonEmpty = []validator.String{stringvalidator.LengthAtLeast(1)}

// idAttribute is a resource's computed id, which never changes once set.
func idAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// optionalStringAttribute is an optional string that is never "" (see nonEmpty).
func optionalStringAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          nonEmpty,
	}
}

// optionalBoolAttribute is an optional bool without a default: left out,
// it is not sent, and P0 keeps its own.
func optionalBoolAttribute(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Optional: true}
}

// knownValuesAttribute is a required string whose known values are
// values: the ones P0's documents list. P0 knows more and stores them, so
// another value is a warning (a typo guard), never an error (see
// knownValues). Its description lists them from the same vocabulary the
// validator checks, so that the two cannot disagree; explanation, when
// set, follows the list.
func knownValuesAttribute(values []string, explanation string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: knownValuesDescription(values, explanation),
		Required:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1), knownValues(values)},
	}
}

// optionalKnownValuesAttribute is knownValuesAttribute for an optional
// string.
func optionalKnownValuesAttribute(values []string, explanation string) schema.StringAttribute {
	attribute := knownValuesAttribute(values, explanation)
	attribute.Required, attribute.Optional = false, true
	return attribute
}

// knownValuesDescription says what an attribute of known values takes.
func knownValuesDescription(values []string, explanation string) string {
	description := "Known values: " + codeList(values) + "."
	if explanation != "" {
		description = strings.TrimSuffix(description, ".") + ": " + explanation
	}
	return description + " P0 may hold others, which are accepted with a warning."
}

// knownValues warns about a value that is not one of the documents'. P0
// holds more than its documents list (an "agentic" requestor, say), and
// whatever P0 holds must be importable and writable, so the value is
// accepted; the warning catches a typo.
type knownValues []string

func (k knownValues) Description(context.Context) string {
	return "should be one of " + strings.Join(k, ", ")
}

func (k knownValues) MarkdownDescription(context.Context) string {
	return "should be one of " + codeList(k)
}

func (k knownValues) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !known(req.ConfigValue) || req.ConfigValue.ValueString() == "" || slices.Contains(k, req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, "Value Not Known to the Provider",
		fmt.Sprintf("Attribute %s is %q, which is none of the values P0's documents list: %s. P0 knows more "+
			"than its documents list, so the value is sent as written; if it is a typo, correct it.",
			req.Path, req.ConfigValue.ValueString(), strings.Join(k, ", ")))
}

// countAttribute is an optional count that P0 takes as it counts it. The
// documents show counts of 0 or more, so a negative one warns; it is no
// error, since a rule P0 holds with one must still be importable.
func countAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.Int64{negativeWarns{"warns when negative"}},
	}
}

type negativeWarns struct{ described }

func (negativeWarns) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || req.ConfigValue.ValueInt64() >= 0 {
		return
	}
	resp.Diagnostics.AddAttributeWarning(req.Path, "Negative Count",
		fmt.Sprintf("Attribute %s is %d, while P0's documents show counts of 0 or more. It is sent as written, "+
			"for P0 to take or refuse; if it is a mistake, correct it.", req.Path, req.ConfigValue.ValueInt64()))
}

// described gives a validator or plan modifier its Description and
// MarkdownDescription, which are the same plain text.
type described string

func (d described) Description(context.Context) string { return string(d) }

func (d described) MarkdownDescription(context.Context) string { return string(d) }

// codeList is values as descriptions show them: `a`, `b`, `c`.
func codeList(values []string) string {
	return "`" + strings.Join(values, "`, `") + "`"
}
