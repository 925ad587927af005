package framework

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Schema attributes that several resources declare alike.

// IDAttribute is a resource's computed id, which never changes once set.
func IDAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
}

// OptionalStringAttribute is an optional string that is never "" (see nonEmpty).
func OptionalStringAttribute(description string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          NonEmpty,
	}
}

// OptionalBoolAttribute is an optional bool without a default: left out,
// it is not sent, and P0 keeps its own.
func OptionalBoolAttribute(description string) schema.BoolAttribute {
	return schema.BoolAttribute{MarkdownDescription: description, Optional: true}
}

// KnownValuesAttribute is a required string whose known values are
// values: the ones P0's documents list. P0 knows more and stores them, so
// another value is a warning (a typo guard), never an error (see
// knownValues). Its description lists them from the same vocabulary the
// validator checks, so that the two cannot disagree; explanation, when
// set, follows the list.
func KnownValuesAttribute(values []string, explanation string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: knownValuesDescription(values, explanation),
		Required:            true,
		Validators:          []validator.String{stringvalidator.LengthAtLeast(1), knownValues(values)},
	}
}

// OptionalKnownValuesAttribute is knownValuesAttribute for an optional
// string.
func OptionalKnownValuesAttribute(values []string, explanation string) schema.StringAttribute {
	attribute := KnownValuesAttribute(values, explanation)
	attribute.Required, attribute.Optional = false, true
	return attribute
}

// knownValuesDescription says what an attribute of known values takes.
func knownValuesDescription(values []string, explanation string) string {
	description := "Known values: " + CodeList(values) + "."
	if explanation != "" {
		description = strings.TrimSuffix(description, ".") + ": " + explanation
	}
	return description + " P0 may hold others, which are accepted with a warning."
}

// CountAttribute is an optional count that P0 takes as it counts it. The
// documents show counts of 0 or more, so a negative one warns; it is no
// error, since a rule P0 holds with one must still be importable.
func CountAttribute(description string) schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: description,
		Optional:            true,
		Validators:          []validator.Int64{negativeWarns{"warns when negative"}},
	}
}

// CodeList is values as descriptions show them: `a`, `b`, `c`.
func CodeList(values []string) string {
	return "`" + strings.Join(values, "`, `") + "`"
}
