package framework

import (
	"fmt"

	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// ComputedAttributes turns resource attributes into read-only data source
// attributes with the same names, types and descriptions, so that an object
// described once for its resource is described the same way when read. It
// panics on an attribute kind it does not know: that is a programming error
// caught by every test that builds the schema.
func ComputedAttributes(attrs map[string]rschema.Attribute) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(attrs))
	for name, a := range attrs {
		out[name] = computedAttribute(a)
	}
	return out
}

func computedAttribute(a rschema.Attribute) dschema.Attribute {
	desc := a.GetMarkdownDescription()
	switch a := a.(type) {
	case rschema.StringAttribute:
		return dschema.StringAttribute{MarkdownDescription: desc, Computed: true}
	case rschema.BoolAttribute:
		return dschema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	case rschema.Int64Attribute:
		return dschema.Int64Attribute{MarkdownDescription: desc, Computed: true}
	case rschema.ListAttribute:
		return dschema.ListAttribute{MarkdownDescription: desc, Computed: true, ElementType: a.ElementType}
	// The types the resource's nested attributes carry (see
	// typedAttributes) are the data source's too.
	case rschema.SingleNestedAttribute:
		return dschema.SingleNestedAttribute{MarkdownDescription: desc, Computed: true, Attributes: ComputedAttributes(a.Attributes),
			CustomType: a.CustomType}
	case rschema.ListNestedAttribute:
		return dschema.ListNestedAttribute{MarkdownDescription: desc, Computed: true, CustomType: a.CustomType,
			NestedObject: dschema.NestedAttributeObject{Attributes: ComputedAttributes(a.NestedObject.Attributes), CustomType: a.NestedObject.CustomType}}
	case rschema.MapNestedAttribute:
		return dschema.MapNestedAttribute{MarkdownDescription: desc, Computed: true, CustomType: a.CustomType,
			NestedObject: dschema.NestedAttributeObject{Attributes: ComputedAttributes(a.NestedObject.Attributes), CustomType: a.NestedObject.CustomType}}
	}
	panic(fmt.Sprintf("computedAttribute: unsupported attribute type %T", a))
}
