package provider

import (
	"context"
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

// oneOfAttribute is a required string that takes one of values. Its
// description lists them from the same vocabulary the validator checks, so
// that the two cannot disagree; explanation, when set, follows the list.
func oneOfAttribute(values []string, explanation string) schema.StringAttribute {
	description := "One of " + codeList(values) + "."
	if explanation != "" {
		description = strings.TrimSuffix(description, ".") + ": " + explanation
	}
	return schema.StringAttribute{
		MarkdownDescription: description,
		Required:            true,
		Validators:          []validator.String{stringvalidator.OneOf(values...)},
	}
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
