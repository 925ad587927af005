package framework

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Typed is s with every nested attribute and block typed once (see
// typedAttributes).
func Typed(s schema.Schema) schema.Schema {
	s.Attributes = typedAttributes(s.Attributes)
	s.Blocks = typedBlocks(s.Blocks)
	return s
}

// typedAttributes gives every nested attribute in attributes, at any depth,
// its type as its CustomType, computed once. terraform-plugin-framework
// otherwise builds a nested attribute's type (a map of the types of its
// attributes, built the same way) each time it needs it, and it needs it
// at every step of the path of every value it decodes or walks: a plan of
// 500 routing rules spent most of its CPU building the same types again.
// The types given are the ones the framework would build, so nothing else
// changes; a CustomType already set (a timeouts block's) stays.
func typedAttributes(attributes map[string]schema.Attribute) map[string]schema.Attribute {
	out := make(map[string]schema.Attribute, len(attributes))
	for name, a := range attributes {
		out[name] = typedAttribute(a)
	}
	return out
}

func typedAttribute(a schema.Attribute) schema.Attribute {
	switch a := a.(type) {
	case schema.SingleNestedAttribute:
		a.Attributes = typedAttributes(a.Attributes)
		if a.CustomType == nil {
			a.CustomType = types.ObjectType{AttrTypes: attributeTypes(a.Attributes)}
		}
		return a
	case schema.ListNestedAttribute:
		a.NestedObject = typedObject(a.NestedObject)
		if a.CustomType == nil {
			a.CustomType = types.ListType{ElemType: a.NestedObject.Type()}
		}
		return a
	case schema.MapNestedAttribute:
		a.NestedObject = typedObject(a.NestedObject)
		if a.CustomType == nil {
			a.CustomType = types.MapType{ElemType: a.NestedObject.Type()}
		}
		return a
	case schema.SetNestedAttribute:
		a.NestedObject = typedObject(a.NestedObject)
		if a.CustomType == nil {
			a.CustomType = types.SetType{ElemType: a.NestedObject.Type()}
		}
		return a
	}
	return a
}

func typedObject(o schema.NestedAttributeObject) schema.NestedAttributeObject {
	o.Attributes = typedAttributes(o.Attributes)
	if o.CustomType == nil {
		o.CustomType = types.ObjectType{AttrTypes: attributeTypes(o.Attributes)}
	}
	return o
}

// attributeTypes is the type of each of attributes.
func attributeTypes(attributes map[string]schema.Attribute) map[string]attr.Type {
	out := make(map[string]attr.Type, len(attributes))
	for name, a := range attributes {
		out[name] = a.GetType()
	}
	return out
}

// typedBlocks is typedAttributes for single nested blocks (a timeouts
// block), the only kind the provider declares.
func typedBlocks(blocks map[string]schema.Block) map[string]schema.Block {
	if blocks == nil {
		return nil
	}
	out := make(map[string]schema.Block, len(blocks))
	for name, b := range blocks {
		if single, ok := b.(schema.SingleNestedBlock); ok {
			single.Attributes = typedAttributes(single.Attributes)
			single.Blocks = typedBlocks(single.Blocks)
			if single.CustomType == nil {
				attrTypes := attributeTypes(single.Attributes)
				for inner, block := range single.Blocks {
					attrTypes[inner] = block.Type()
				}
				single.CustomType = types.ObjectType{AttrTypes: attrTypes}
			}
			b = single
		}
		out[name] = b
	}
	return out
}
