// Command docschema prepares the output of `terraform providers schema -json`
// for tfplugindocs and lists the objects the provider serves.
//
// tfplugindocs looks a provider's schema up by its short name ("p0"), while
// Terraform keys it by source address ("registry.terraform.io/p0-security/p0").
// docschema rewrites that one key, leaves everything else as Terraform wrote
// it (identity schemas included), and prints one line per resource, data
// source, ephemeral resource, list resource and action, as the templates/
// sub-path tfplugindocs uses for it:
//
//	resources/routing_rule
//	data-sources/routing_workflow
//	list-resources/routing_rule
//	actions/access_request
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

func main() {
	in := flag.String("in", "", "schema written by `terraform providers schema -json`")
	out := flag.String("out", "", "where to write the schema for tfplugindocs")
	source := flag.String("source", "registry.terraform.io/p0-security/p0", "the provider's source address")
	name := flag.String("name", "p0", "the provider's short name")
	flag.Parse()
	if *in == "" || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: docschema -in terraform-schema.json -out tfplugindocs-schema.json [-source ADDR] [-name NAME]")
		os.Exit(2)
	}
	if err := run(*in, *out, *source, *name, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "docschema:", err)
		os.Exit(1)
	}
}

func run(inPath, outPath, source, name string, list io.Writer) error {
	raw, err := os.ReadFile(inPath)
	if err != nil {
		return err
	}
	rewritten, objects, err := prepare(raw, source, name)
	if err != nil {
		return fmt.Errorf("%s: %w", inPath, err)
	}
	if err := os.WriteFile(outPath, rewritten, 0o600); err != nil {
		return err
	}
	for _, o := range objects {
		if _, err := fmt.Fprintln(list, o); err != nil {
			return err
		}
	}
	return nil
}

// prepare renames the provider's schema from source to name and returns the
// new document with the provider's objects as template sub-paths, sorted.
func prepare(raw []byte, source, name string) ([]byte, []string, error) {
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, nil, fmt.Errorf("not a providers schema: %w", err)
	}
	var schemas map[string]json.RawMessage
	if err := json.Unmarshal(doc["provider_schemas"], &schemas); err != nil {
		return nil, nil, fmt.Errorf("reading provider_schemas: %w", err)
	}
	provider, ok := schemas[source]
	if !ok {
		return nil, nil, fmt.Errorf("no schema for provider %q", source)
	}
	delete(schemas, source)
	schemas[name] = provider

	var objects struct {
		Resources          map[string]json.RawMessage `json:"resource_schemas"`
		DataSources        map[string]json.RawMessage `json:"data_source_schemas"`
		EphemeralResources map[string]json.RawMessage `json:"ephemeral_resource_schemas"`
		ListResources      map[string]json.RawMessage `json:"list_resource_schemas"`
		Actions            map[string]json.RawMessage `json:"action_schemas"`
	}
	if err := json.Unmarshal(provider, &objects); err != nil {
		return nil, nil, fmt.Errorf("reading the schema of %q: %w", source, err)
	}
	var list []string
	for dir, names := range map[string]map[string]json.RawMessage{
		"resources":           objects.Resources,
		"data-sources":        objects.DataSources,
		"ephemeral-resources": objects.EphemeralResources,
		"list-resources":      objects.ListResources,
		"actions":             objects.Actions,
	} {
		for typeName := range names {
			list = append(list, dir+"/"+strings.TrimPrefix(typeName, name+"_"))
		}
	}
	slices.Sort(list)

	renamed, err := json.Marshal(schemas)
	if err != nil {
		return nil, nil, err
	}
	doc["provider_schemas"] = renamed
	out, err := json.Marshal(doc)
	if err != nil {
		return nil, nil, err
	}
	return out, list, nil
}
