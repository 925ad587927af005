// Command p0state records the state P0's own provider writes, for the
// tests of switching from it to this provider: it applies a configuration
// of P0's provider, built from its public source, against the mock P0 API,
// and keeps what it wrote to Terraform's state and what it sent to P0.
//
//	go run ./tools/p0state -provider /path/to/terraform-provider-p0 -variants routing-camel \
//	    -config examples/switching/before -out internal/provider/testdata/switching/v0.53.0
//
// The folder it writes holds terraform.tfstate, as P0's provider left it;
// writes.json, every request P0's provider sent that changes P0 (method,
// path under the organization, body), which a test replays into a fresh
// mock to hold what P0's provider made; and variants, the mock's behavior
// it ran against. Nothing outside a temporary folder and -out is touched.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "p0state:", err)
		os.Exit(1)
	}
}

// Write is one request that changed P0.
type Write struct {
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Body   json.RawMessage `json:"body,omitempty"`
}

func run() error {
	provider := flag.String("provider", "", "P0's provider `binary`")
	config := flag.String("config", "", "`folder` of the configuration to apply with it")
	out := flag.String("out", "", "`folder` to write the recording into")
	variants := flag.String("variants", "", "the mock's `variants`, comma-separated (see make mock)")
	flag.Parse()
	if *provider == "" || *config == "" || *out == "" {
		return errors.New("-provider, -config and -out are required")
	}
	terraform, err := exec.LookPath("terraform")
	if err != nil {
		return errors.New("terraform must be on PATH")
	}

	mock := p0mock.New(acctest.TestOrg, acctest.TestToken)
	behavior, err := p0mock.ParseVariants(*variants)
	if err != nil {
		return err
	}
	mock.SetBehavior(behavior)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer mock.Close()

	work, err := os.MkdirTemp("", "p0state-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "bin")
	if err := copyFile(*provider, filepath.Join(bin, "terraform-provider-p0"), 0o755); err != nil {
		return err
	}
	cliConfig := filepath.Join(work, "terraformrc")
	if err := os.WriteFile(cliConfig, []byte(fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"p0-security/p0\" = %q\n  }\n  direct {}\n}\n", bin)), 0o600); err != nil {
		return err
	}
	dir := filepath.Join(work, "config")
	files, err := filepath.Glob(filepath.Join(*config, "*.tf"))
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := copyFile(f, filepath.Join(dir, filepath.Base(f)), 0o644); err != nil {
			return err
		}
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"P0_API_TOKEN="+acctest.TestToken, "TF_VAR_p0_host="+url, "TF_VAR_p0_org="+acctest.TestOrg)
	for _, args := range [][]string{{"apply", "-auto-approve", "-input=false", "-no-color"}, {"plan", "-detailed-exitcode", "-input=false", "-no-color"}} {
		cmd := exec.Command(terraform, args...)
		cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("terraform %s with P0's provider: %w", args[0], err)
		}
	}

	var writes []Write
	prefix := "/o/" + acctest.TestOrg
	for _, r := range mock.Requests() {
		if r.Method == http.MethodGet || r.Status >= 300 {
			continue
		}
		writes = append(writes, Write{Method: r.Method, Path: strings.TrimPrefix(r.Path, prefix), Body: r.Body})
	}
	encoded, err := json.MarshalIndent(writes, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(dir, "terraform.tfstate"), filepath.Join(*out, "terraform.tfstate"), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(*out, "writes.json"), append(encoded, '\n'), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(*out, "variants"), []byte(*variants+"\n"), 0o644)
}

func copyFile(from, to string, mode os.FileMode) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, mode)
}
