package provider

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/defaults"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The schemas of P0's own provider (v0.53.0), as its users write them:
// type, attribute names and types, required, optional, computed and
// sensitive flags, defaults, the attributes whose change replaces the
// object, and the schema version.
//
//go:embed testdata/p0-provider-v0.53.0-schemas.json
var p0SchemasJSON []byte

type p0Attribute struct {
	Type            string  `json:"type"`
	Flags           string  `json:"flags"`
	Default         *string `json:"default"`
	RequiresReplace bool    `json:"requires_replace"`
}

type p0Schema struct {
	Version    int64                  `json:"version"`
	Attributes map[string]p0Attribute `json:"attributes"`
}

// renamedTypes are P0's types that this provider serves under another
// name, taken over with moved blocks.
var renamedTypes = []string{
	"p0_aws_iam_write", "p0_aws_iam_write_staged", "p0_aws_inventory", "p0_aws_inventory_staged", "p0_access_durations",
}

// TestServesP0Schemas checks that every type of P0's provider that this
// provider does not rename is served under its name, with every attribute
// P0's schema has, of the same type and flags, the same default, replaced
// where P0 replaces, and a schema version at least P0's: so that its
// users' HCL and state read unchanged.
func TestServesP0Schemas(t *testing.T) {
	var want map[string]p0Schema
	if err := json.Unmarshal(p0SchemasJSON, &want); err != nil {
		t.Fatal(err)
	}
	served := servedSchemas(t)
	for _, typeName := range sortedKeys(want) {
		if slices.Contains(renamedTypes, typeName) {
			continue
		}
		t.Run(typeName, func(t *testing.T) {
			got, ok := served[typeName]
			if !ok {
				t.Fatalf("%s is not served", typeName)
			}
			if got.Version < want[typeName].Version {
				t.Errorf("schema version %d, below P0's %d", got.Version, want[typeName].Version)
			}
			attributes := flatAttributes(got.Attributes, "")
			for _, name := range sortedKeys(want[typeName].Attributes) {
				a, ok := attributes[name]
				if !ok {
					t.Errorf("%s: missing", name)
					continue
				}
				for _, problem := range differences(want[typeName].Attributes[name], a) {
					t.Errorf("%s: %s", name, problem)
				}
			}
		})
	}
}

// servedSchemas are the schemas of every resource the provider serves, by
// type name.
func servedSchemas(t *testing.T) map[string]schema.Schema {
	ctx := context.Background()
	p := New("test", "test")()
	schemas := map[string]schema.Schema{}
	for _, construct := range p.Resources(ctx) {
		r := construct()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "p0"}, &meta)
		var resp resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", meta.TypeName, resp.Diagnostics)
		}
		schemas[meta.TypeName] = resp.Schema
	}
	return schemas
}

// flatAttributes are attributes and those nested in them, by path as P0's
// schema tables name them: "custom_role.id", "options[].time".
func flatAttributes(attributes map[string]schema.Attribute, prefix string) map[string]schema.Attribute {
	flat := map[string]schema.Attribute{}
	for name, a := range attributes {
		flat[prefix+name] = a
		switch nested := a.(type) {
		case schema.SingleNestedAttribute:
			for p, child := range flatAttributes(nested.Attributes, prefix+name+".") {
				flat[p] = child
			}
		case schema.ListNestedAttribute:
			for p, child := range flatAttributes(nested.NestedObject.Attributes, prefix+name+"[].") {
				flat[p] = child
			}
		}
	}
	return flat
}

// differences are how a differs from P0's attribute want.
func differences(want p0Attribute, a schema.Attribute) []string {
	var problems []string
	if got := typeName(a); got != want.Type {
		problems = append(problems, fmt.Sprintf("type %s, P0's is %s", got, want.Type))
	}
	if got := flags(a); got != strings.TrimSuffix(want.Flags, "+sensitive") {
		problems = append(problems, fmt.Sprintf("%s, P0's is %s", got, want.Flags))
	}
	if strings.HasSuffix(want.Flags, "+sensitive") && !a.IsSensitive() {
		problems = append(problems, "not sensitive, P0's is")
	}
	if want.Default != nil {
		if got, ok := defaultOf(a); !ok || got != *want.Default {
			problems = append(problems, fmt.Sprintf("default %q (set: %t), P0's is %q", got, ok, *want.Default))
		}
	}
	if want.RequiresReplace && !requiresReplace(a) {
		problems = append(problems, "changed in place, where P0's replaces the object")
	}
	return problems
}

// typeName is a's type as P0's schema tables write it.
func typeName(a schema.Attribute) string {
	switch a := a.(type) {
	case schema.SingleNestedAttribute:
		return "object (nested)"
	case schema.ListNestedAttribute:
		return "list(object) (nested)"
	case schema.ObjectAttribute:
		return "object{" + strings.Join(sortedKeys(a.AttributeTypes), ",") + "}"
	}
	switch a.GetType() {
	case types.StringType:
		return "string"
	case types.BoolType:
		return "bool"
	case types.Int64Type:
		return "int64"
	case types.ListType{ElemType: types.StringType}:
		return "list(string)"
	}
	return a.GetType().String()
}

func flags(a schema.Attribute) string {
	switch {
	case a.IsRequired():
		return "required"
	case a.IsOptional() && a.IsComputed():
		return "optional+computed"
	case a.IsOptional():
		return "optional"
	}
	return "computed"
}

// defaultOf is a's default, written as P0's schema tables write it.
func defaultOf(a schema.Attribute) (string, bool) {
	ctx := context.Background()
	switch a := a.(type) {
	case schema.StringAttribute:
		return defaultValue(a.Default, func(d defaults.String) attr.Value {
			var resp defaults.StringResponse
			d.DefaultString(ctx, defaults.StringRequest{}, &resp)
			return resp.PlanValue
		})
	case schema.BoolAttribute:
		return defaultValue(a.Default, func(d defaults.Bool) attr.Value {
			var resp defaults.BoolResponse
			d.DefaultBool(ctx, defaults.BoolRequest{}, &resp)
			return resp.PlanValue
		})
	case schema.Int64Attribute:
		return defaultValue(a.Default, func(d defaults.Int64) attr.Value {
			var resp defaults.Int64Response
			d.DefaultInt64(ctx, defaults.Int64Request{}, &resp)
			return resp.PlanValue
		})
	}
	return "", false
}

func defaultValue[D comparable](d D, value func(D) attr.Value) (string, bool) {
	var none D
	if d == none {
		return "", false
	}
	v := value(d)
	if s, ok := v.(types.String); ok {
		return s.ValueString(), true
	}
	return v.String(), true
}

// requiresReplace reports whether a change of a replaces the object.
func requiresReplace(a schema.Attribute) bool {
	var modifiers []interface{ Description(context.Context) string }
	switch a := a.(type) {
	case schema.StringAttribute:
		modifiers = describers(a.PlanModifiers)
	case schema.BoolAttribute:
		modifiers = describers(a.PlanModifiers)
	case schema.Int64Attribute:
		modifiers = describers(a.PlanModifiers)
	case schema.SingleNestedAttribute:
		modifiers = describers(a.PlanModifiers)
	}
	for _, m := range modifiers {
		if strings.Contains(m.Description(context.Background()), "destroy and recreate") {
			return true
		}
	}
	return false
}

func describers[T interface{ Description(context.Context) string }](modifiers []T) []interface{ Description(context.Context) string } {
	out := make([]interface{ Description(context.Context) string }, len(modifiers))
	for i, m := range modifiers {
		out[i] = m
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
