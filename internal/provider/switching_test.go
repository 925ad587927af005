package provider_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
)

// TestAccSwitchingFromP0Provider takes over, with this provider, an
// organization that P0's own provider manages: each folder of
// testdata/switching holds what a release of P0's provider (built from its
// public source) wrote when it applied a configuration against the mock
// (tools/p0state): its state file, the requests it sent, which are replayed
// into a fresh mock so that P0 holds what it made, and the mock's variants;
// and after.tf, the same configuration for this provider, with a moved block
// for every type it names otherwise (for the recording of the example,
// examples/switching/after). Through the CLI under test, the first
// plan must move and upgrade the state and plan nothing else, sending no
// write; the apply that records the moves must change nothing in P0; and
// the plan after it must be empty.
func TestAccSwitchingFromP0Provider(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	recordings, err := filepath.Glob(filepath.Join("testdata", "switching", "*"))
	if err != nil || len(recordings) == 0 {
		t.Fatalf("no recordings of P0's provider in testdata/switching: %v", err)
	}
	for _, dir := range recordings {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			testSwitching(t, dir)
		})
	}
}

func testSwitching(t *testing.T, dir string) {
	read := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	env := acctest.NewVariantEnv(t, strings.TrimSpace(string(read("variants"))))
	replayWrites(t, env, read("writes.json"))

	ctx := context.Background()
	cli := acctest.NewTerraformCLI(t, env.ProviderBlock()+string(afterSwitch(t, dir)))
	// The state as P0's provider wrote it, under the address this CLI
	// knows the provider by (OpenTofu's registry for OpenTofu).
	state := bytes.ReplaceAll(read("terraform.tfstate"), []byte("registry.terraform.io/p0-security/p0"), []byte(acctest.ProviderAddress()))
	if err := os.WriteFile(filepath.Join(cli.Tf.WorkingDir(), "terraform.tfstate"), state, 0o600); err != nil {
		t.Fatal(err)
	}

	env.Mock.ResetRequests()
	planFile := filepath.Join(cli.Tf.WorkingDir(), "switch.tfplan")
	if _, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach), tfexec.Out(planFile)); err != nil {
		t.Fatalf("the first plan: %v", err)
	}
	plan, err := cli.Tf.ShowPlanFile(ctx, planFile, tfexec.Reattach(cli.Reattach))
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for _, change := range plan.ResourceChanges {
		if !change.Change.Actions.NoOp() {
			t.Errorf("the first plan would %v %s", change.Change.Actions, change.Address)
		}
		if change.PreviousAddress != "" {
			moved++
		}
	}
	if len(plan.ResourceChanges) == 0 {
		t.Fatal("the first plan has no resources: the state was not read")
	}
	t.Logf("the first plan: %d resources, %d of them moved", len(plan.ResourceChanges), moved)
	checkNoWrites(t, env, "the first plan")

	env.Mock.ResetRequests()
	if err := cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach), tfexec.DirOrPlan(planFile)); err != nil {
		t.Fatalf("the apply that records the moves: %v", err)
	}
	checkNoWrites(t, env, "the apply that records the moves")
	if changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach)); err != nil || changes {
		t.Fatalf("the plan after the switch: changes %t, error %v; want none", changes, err)
	}
}

// afterSwitch is the configuration of a recording after the switch: its
// after.tf, or for the recording of examples/switching/before, the example
// of the configuration after the switch.
func afterSwitch(t *testing.T, dir string) []byte {
	after, err := os.ReadFile(filepath.Join(dir, "after.tf"))
	if os.IsNotExist(err) {
		after, err = os.ReadFile(filepath.Join("..", "..", "examples", "switching", "after", "main.tf"))
	}
	if err != nil {
		t.Fatal(err)
	}
	return after
}

// replayWrites sends the requests P0's provider sent, so that the mock
// holds what it made.
func replayWrites(t *testing.T, env *acctest.TestEnv, recorded []byte) {
	var writes []struct {
		Method string          `json:"method"`
		Path   string          `json:"path"`
		Body   json.RawMessage `json:"body"`
	}
	if err := json.Unmarshal(recorded, &writes); err != nil {
		t.Fatal(err)
	}
	for _, w := range writes {
		req, err := http.NewRequest(w.Method, env.URL+"/o/"+acctest.TestOrg+w.Path, bytes.NewReader(w.Body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+acctest.TestToken)
		if len(w.Body) > 0 {
			req.Header.Set("Content-Type", "application/json")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode >= 300 {
			t.Fatalf("replaying %s %s: %s", w.Method, w.Path, resp.Status)
		}
	}
}

// checkNoWrites fails the test for each request that changed P0.
func checkNoWrites(t *testing.T, env *acctest.TestEnv, during string) {
	t.Helper()
	for _, r := range env.Mock.Requests() {
		if r.Method != http.MethodGet {
			t.Errorf("%s sent %s %s; the switch must change nothing in P0", during, r.Method, r.Path)
		}
	}
}
