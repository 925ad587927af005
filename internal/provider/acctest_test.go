package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// Credentials of the in-process mock. They are fake by construction.
const (
	testOrg   = "acc-test-org"
	testToken = "acc-test-token-9f3c1e"
)

// TestMain points Terraform at an empty CLI configuration unless the caller
// chose one that exists, so that acceptance tests neither read the user's
// ~/.terraformrc nor print warnings about its absence. A TF_CLI_CONFIG_FILE
// naming a missing file is replaced too: Terraform reads it as empty anyway,
// but OpenTofu prints its warning on standard output, ahead of the
// `version -json` output that terraform-plugin-testing parses.
//
// Under OpenTofu it also sets TF_ACC_PROVIDER_HOST to registry.opentofu.org
// unless the caller set it: terraform-plugin-testing hands the CLI the
// in-process provider as HOST/-/p0 and HOST/hashicorp/p0, HOST defaulting to
// registry.terraform.io, and OpenTofu refuses the legacy "-" namespace on
// any host but registry.opentofu.org, failing every test.
func TestMain(m *testing.M) {
	dir := ""
	if !fileExists(os.Getenv("TF_CLI_CONFIG_FILE")) {
		var err error
		dir, err = os.MkdirTemp("", "p0-acc-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		cliConfig := filepath.Join(dir, "terraformrc")
		if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	}
	if os.Getenv("TF_ACC") != "" && os.Getenv("TF_ACC_PROVIDER_HOST") == "" {
		if openTofu, err := cliIsOpenTofu(); err == nil && openTofu {
			os.Setenv("TF_ACC_PROVIDER_HOST", "registry.opentofu.org")
		}
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

func fileExists(path string) bool {
	if path == "" {
		return false
	}
	_, err := os.Stat(path)
	return err == nil
}

// testEnv is one acceptance test's private P0: a mock API on loopback and a
// provider factory pointed at it.
type testEnv struct {
	Mock *p0mock.Server
	URL  string
}

// newTestEnv starts a fresh mock for one test and stops it at the end.
func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	mock := p0mock.New(testOrg, testToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting mock P0 API: %v", err)
	}
	t.Cleanup(func() { _ = mock.Close() })
	return &testEnv{Mock: mock, URL: url}
}

// Factories serves the provider in-process, with retry waits short enough
// that fault-injection tests stay fast.
func (e *testEnv) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"p0": providerserver.NewProtocol6WithError(New("test", "test", WithClientConfig(fastRetries))()),
	}
}

// fastRetries keeps the production backoff shape at a test-friendly scale,
// for retried requests and for verifications waiting on AWS.
func fastRetries(cfg *p0.Config) {
	cfg.RetryWaitMin = 5 * time.Millisecond
	cfg.RetryWaitMax = 50 * time.Millisecond
	cfg.VerifyWaitMin = 20 * time.Millisecond
	cfg.VerifyWaitMax = 200 * time.Millisecond
}

// expectError matches an error that contains the given phrases in order.
// Terraform wraps diagnostics at its terminal width, so the words of each
// phrase may be separated by any whitespace, including line breaks.
func expectError(phrases ...string) *regexp.Regexp {
	parts := make([]string, 0, len(phrases))
	for _, phrase := range phrases {
		words := strings.Fields(phrase)
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		parts = append(parts, strings.Join(words, `\s+`))
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, ".*"))
}

// ProviderBlock is the provider configuration for this environment.
func (e *testEnv) ProviderBlock() string {
	return fmt.Sprintf(`
provider "p0" {
  host      = %q
  org       = %q
  api_token = %q
}
`, e.URL, testOrg, testToken)
}

// Config prefixes a test configuration with the provider block.
func (e *testEnv) Config(hcl string) string {
	return e.ProviderBlock() + hcl
}
