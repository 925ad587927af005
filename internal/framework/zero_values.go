package framework

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NullZeroes replaces the attribute values a model leaves at their Go zero
// value with the null of their schema type. A zero types.List or
// types.Object has no element or attribute types, and the framework
// refuses to store it; a model built from an import ID sets only the
// attributes that name the object, and leaves the rest for Read.
func NullZeroes(ctx context.Context, state tfsdk.State, model any) {
	nullZeroFields(ctx, state, reflect.ValueOf(model).Elem())
}

func nullZeroFields(ctx context.Context, state tfsdk.State, v reflect.Value) {
	attributes := state.Schema.GetAttributes()
	for i := range v.NumField() {
		field, value := v.Type().Field(i), v.Field(i)
		if field.Anonymous && value.Kind() == reflect.Struct {
			nullZeroFields(ctx, state, value)
			continue
		}
		attribute, ok := attributes[field.Tag.Get("tfsdk")]
		if !ok || !value.IsZero() || !value.CanSet() {
			continue
		}
		if _, isValue := value.Interface().(attr.Value); !isValue {
			continue
		}
		typ := attribute.GetType()
		null, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(typ.TerraformType(ctx), nil))
		if err == nil && reflect.TypeOf(null).AssignableTo(value.Type()) {
			value.Set(reflect.ValueOf(null))
		}
	}
}
