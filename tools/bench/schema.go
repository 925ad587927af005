package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// The cost of loading a provider's schema, which every terraform command
// pays once per provider process before it does anything else: measured as
// a provider-only `terraform validate` (Terraform starts the provider, asks
// for its whole schema, and validates a configuration of the provider
// block alone), for this provider, for the empty plugin (Terraform's own
// share), and for another build given with -reference (P0's own provider).

// schemaSubject is one provider whose schema load is measured.
type schemaSubject struct {
	name string
	tf   *terraform
	dir  string // its workspace
	// types counts the objects its schema has: resources, data sources,
	// ephemeral resources, list resources and actions.
	types int
	runs  []measurement
}

// providerOnlyConfig is a configuration of the provider block alone, for
// the provider of source, named name.
func providerOnlyConfig(name, source string) string {
	return fmt.Sprintf("terraform {\n  required_providers {\n    %[1]s = {\n      source = %[2]q\n    }\n  }\n}\n\nprovider %[1]q {}\n", name, source)
}

// newSchemaSubject prepares the measurement of the provider binary named
// terraform-provider-<binaryName> in binDir, served as source, under work.
func newSchemaSubject(terraformBinary, work, name, binDir, providerName, source string) (*schemaSubject, error) {
	dir := filepath.Join(work, "schema", name)
	if err := writeWorkspace(dir, providerOnlyConfig(providerName, source)); err != nil {
		return nil, err
	}
	tf, err := newTerraform(terraformBinary, dir, binDir, 1, nil)
	if err != nil {
		return nil, err
	}
	s := &schemaSubject{name: name, tf: tf, dir: dir}
	s.types, err = s.countTypes()
	return s, err
}

// countTypes reads the provider's schema through terraform providers
// schema -json and counts its objects.
func (s *schemaSubject) countTypes() (int, error) {
	cmd := exec.Command(s.tf.binary, "providers", "schema", "-json")
	cmd.Dir, cmd.Env = s.dir, s.tf.env
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("reading the schema of %s: %w", s.name, err)
	}
	var schemas struct {
		Providers map[string]map[string]json.RawMessage `json:"provider_schemas"`
	}
	if err := json.Unmarshal(out, &schemas); err != nil {
		return 0, fmt.Errorf("reading the schema of %s: %w", s.name, err)
	}
	n := 0
	for _, p := range schemas.Providers {
		for _, kind := range []string{"resource_schemas", "data_source_schemas", "ephemeral_resource_schemas", "list_resource_schemas", "action_schemas"} {
			var objects map[string]json.RawMessage
			_ = json.Unmarshal(p[kind], &objects) // a kind the CLI does not report counts none
			n += len(objects)
		}
	}
	return n, nil
}

// measureSchemaLoad runs the provider-only validate reps times for each
// subject, interleaved and rotating which goes first.
func measureSchemaLoad(subjects []*schemaSubject, reps int, log io.Writer) error {
	for rep := 0; rep < reps; rep++ {
		for k := range subjects {
			s := subjects[(rep+k)%len(subjects)]
			measured, err := s.tf.run(s.dir, opValidate)
			if err != nil {
				return err
			}
			s.runs = append(s.runs, measured)
			fmt.Fprintf(log, "schema load  %-22s %6.3f s\n", s.name, measured.wall.Seconds())
		}
	}
	return nil
}

// wall and cpu are the subject's median times.
func (s *schemaSubject) wall() time.Duration {
	return median(s.runs, func(x measurement) time.Duration { return x.wall })
}
func (s *schemaSubject) cpu() time.Duration {
	return median(s.runs, func(x measurement) time.Duration { return x.cpu })
}

// writeSchemaLoad renders the measurements, each compared with the last
// subject (the reference, where there is one).
func writeSchemaLoad(w io.Writer, subjects []*schemaSubject, reps int) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("## Loading the provider's schema\n\n")
	p("A provider-only `terraform validate` (the provider block alone), which every command pays once per provider "+
		"process before anything else: Terraform starts the provider and reads its whole schema. Medians of %d runs, interleaved.\n\n", reps)
	base := subjects[len(subjects)-1]
	p("| Provider | Types in its schema | Wall s | CPU s | Wall ratio to %s |\n|---|--:|--:|--:|--:|\n", base.name)
	for _, s := range subjects {
		p("| %s | %d | %.3f | %.3f | %.2f |\n", s.name, s.types, s.wall().Seconds(), s.cpu().Seconds(), ratio(s.wall(), base.wall()))
	}
}

// referenceBin puts the reference provider binary in a folder of its own,
// as terraform-provider-p0, which dev_overrides serves as p0-security/p0.
func referenceBin(binary, work string) (string, error) {
	dir := filepath.Join(work, "reference-bin")
	if err := copyProvider(binary, dir); err != nil {
		return "", fmt.Errorf("the reference provider: %w", err)
	}
	return dir, os.Chmod(filepath.Join(dir, "terraform-provider-p0"), 0o755)
}
