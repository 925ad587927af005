package main

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
)

func TestPrepareRenamesProviderAndListsObjects(t *testing.T) {
	raw := []byte(`{"format_version":"1.0","provider_schemas":{"registry.terraform.io/p0-security/p0":{
		"provider":{"version":0,"block":{}},
		"resource_schemas":{"p0_routing_rule":{},"p0_jit_settings":{}},
		"data_source_schemas":{"p0_routing_workflow":{}},
		"ephemeral_resource_schemas":{"p0_access_request":{}},
		"resource_identity_schemas":{"p0_routing_rule":{"version":0,"attributes":{"name":{"type":"string"}}}},
		"list_resource_schemas":{"p0_routing_rule":{}},
		"action_schemas":{"p0_access_request":{}}}}}`)

	out, objects, err := prepare(raw, "registry.terraform.io/p0-security/p0", "p0")
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	want := []string{
		"actions/access_request",
		"data-sources/routing_workflow",
		"ephemeral-resources/access_request",
		"list-resources/routing_rule",
		"resources/jit_settings",
		"resources/routing_rule",
	}
	if !slices.Equal(objects, want) {
		t.Errorf("objects = %q, want %q", objects, want)
	}

	var doc struct {
		FormatVersion string                     `json:"format_version"`
		Schemas       map[string]json.RawMessage `json:"provider_schemas"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if doc.FormatVersion != "1.0" {
		t.Errorf("format_version = %q, want it kept as 1.0", doc.FormatVersion)
	}
	if _, ok := doc.Schemas["p0"]; !ok || len(doc.Schemas) != 1 {
		t.Errorf("provider_schemas keys = %v, want only p0", slices.Collect(maps.Keys(doc.Schemas)))
	}
	var provider map[string]json.RawMessage
	if err := json.Unmarshal(doc.Schemas["p0"], &provider); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"resource_identity_schemas", "list_resource_schemas", "action_schemas"} {
		if _, ok := provider[kind]; !ok {
			t.Errorf("%s was dropped", kind)
		}
	}
}

func TestPrepareWithoutProvider(t *testing.T) {
	_, _, err := prepare([]byte(`{"provider_schemas":{}}`), "registry.terraform.io/p0-security/p0", "p0")
	if err == nil {
		t.Fatal("prepare accepted a schema without the provider")
	}
}
