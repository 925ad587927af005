package p0_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// benchWorkflow is GET /routing's answer for 500 rules in P0's current
// form, each with a field the client does not model.
func benchWorkflow() []byte {
	rules := make([]string, 500)
	for i := range rules {
		rules[i] = strings.Replace(currentRuleCamel, `"name": "text"`, fmt.Sprintf(`"name": "rule %d", "tier": %d`, i, i), 1)
	}
	return []byte(`{"id": "wf-1", "createdDate": "2025-05-30T12:35:55.328Z", "rules": [` + strings.Join(rules, ",") + `]}`)
}

// BenchmarkWorkflowDecode decodes a 500-rule workflow, as every operation
// that reads the routing does once: each field in either spelling, the
// rest kept.
func BenchmarkWorkflowDecode(b *testing.B) {
	body := benchWorkflow()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		var workflow p0.Workflow
		if err := json.Unmarshal(body, &workflow); err != nil || len(workflow.Rules) != 500 {
			b.Fatalf("decoded %d rules: %v", len(workflow.Rules), err)
		}
	}
}

// BenchmarkWorkflowEncode encodes the same workflow as a save sends it,
// with what P0 held kept.
func BenchmarkWorkflowEncode(b *testing.B) {
	var workflow p0.Workflow
	if err := json.Unmarshal(benchWorkflow(), &workflow); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(workflow); err != nil {
			b.Fatal(err)
		}
	}
}
