package acctest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"
	tfjson "github.com/hashicorp/terraform-json"
)

// PlanDiagnostic is a diagnostic of `terraform plan -json`.
type PlanDiagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
}

// PlanDiagnostics plans the working directory and returns the plan's
// diagnostics, each once: Terraform validates the configuration in its
// validate walk and again in its plan walk, so a validator's warning comes
// twice in the -json output (its human output folds them into one). A plan
// that fails fails the test.
func (c *TerraformCLI) PlanDiagnostics(t *testing.T) []PlanDiagnostic {
	t.Helper()
	var out bytes.Buffer
	if _, err := c.Tf.PlanJSON(context.Background(), &out, tfexec.Reattach(c.Reattach)); err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out.String())
	}
	var diagnostics []PlanDiagnostic
	lines := bufio.NewScanner(&out)
	lines.Buffer(make([]byte, 1<<20), 1<<20)
	for lines.Scan() {
		var message struct {
			Type       string         `json:"type"`
			Diagnostic PlanDiagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(lines.Bytes(), &message) == nil && message.Type == "diagnostic" && !slices.Contains(diagnostics, message.Diagnostic) {
			diagnostics = append(diagnostics, message.Diagnostic)
		}
	}
	return diagnostics
}

// WithSummary is the diagnostics with summary.
func WithSummary(diagnostics []PlanDiagnostic, summary string) []PlanDiagnostic {
	var found []PlanDiagnostic
	for _, d := range diagnostics {
		if d.Summary == summary {
			found = append(found, d)
		}
	}
	return found
}

// ExpectOneWarning checks that diagnostics hold exactly one warning with
// summary, whose detail has every phrase.
func ExpectOneWarning(t *testing.T, diagnostics []PlanDiagnostic, summary string, phrases ...string) {
	t.Helper()
	found := WithSummary(diagnostics, summary)
	if len(found) != 1 || found[0].Severity != "warning" {
		t.Fatalf("the plan gave %d diagnostics %q, want one warning; all: %+v", len(found), summary, diagnostics)
	}
	for _, phrase := range phrases {
		if !strings.Contains(found[0].Detail, phrase) {
			t.Errorf("the warning does not say %q:\n%s", phrase, found[0].Detail)
		}
	}
}

// NewPlanningCLI starts a parallel acceptance test with a mock of its own
// and a Terraform working directory whose configuration is the provider's
// block and hcl.
func NewPlanningCLI(t *testing.T, hcl string) (*TestEnv, *TerraformCLI) {
	t.Helper()
	SkipUnlessAcceptance(t)
	t.Parallel()
	env := NewTestEnv(t)
	return env, NewTerraformCLI(t, env.Config(hcl))
}

// WarningsIn are the warnings of a CLI's JSON output.
func WarningsIn(t *testing.T, out []byte) []tfjson.Diagnostic {
	t.Helper()
	var warnings []tfjson.Diagnostic
	for _, line := range bytes.Split(out, []byte("\n")) {
		var message struct {
			Type       string            `json:"type"`
			Diagnostic tfjson.Diagnostic `json:"diagnostic"`
		}
		if json.Unmarshal(line, &message) == nil && message.Type == "diagnostic" && message.Diagnostic.Severity == tfjson.DiagnosticSeverityWarning {
			warnings = append(warnings, message.Diagnostic)
		}
	}
	return warnings
}
