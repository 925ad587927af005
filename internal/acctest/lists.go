package acctest

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
)

const IncludeResource = "  include_resource = true\n"

// IdentityOf is a knownvalue check of an identity's string attributes.
func IdentityOf(attributes ...string) map[string]knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for i := 0; i+1 < len(attributes); i += 2 {
		checks[attributes[i]] = knownvalue.StringExact(attributes[i+1])
	}
	return checks
}

func SumOf(counts map[string]int) (sum int) {
	for _, n := range counts {
		sum += n
	}
	return sum
}

// CollectList runs l's List with every filter left out and limit (0 for
// none), as a query of r's list resource would (asking for resource
// objects when IncludeResource), and collects every result.
func CollectList(t *testing.T, l list.ListResource, r resource.ResourceWithIdentity, limit int64, IncludeResource bool) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	var identityResp resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identityResp)
	configType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("%T's configuration is not an object", l)
	}
	unset := map[string]tftypes.Value{}
	for name, attributeType := range configType.AttributeTypes {
		unset[name] = tftypes.NewValue(attributeType, nil)
	}
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(configType, unset)},
		ResourceSchema:         SchemaOf(t, r),
		ResourceIdentitySchema: identityResp.IdentitySchema,
		Limit:                  limit,
		IncludeResource:        IncludeResource,
	}
	var stream list.ListResultsStream
	l.List(ctx, req, &stream)
	var results []list.ListResult
	for result := range stream.Results {
		results = append(results, result)
	}
	return results
}
