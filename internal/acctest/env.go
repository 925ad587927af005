package acctest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	fwresource "github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/faultproxy"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// The acceptance tests' shared support: an environment per test (a fresh
// mock P0 API, the provider served in-process, its configuration), the same
// behind a fault proxy for the reliability suites, and helpers that check
// what reached P0. Helpers for one kind of object live beside its tests;
// the fleet generator is in fleet_test.go.

// newProvider builds the provider under test (see Main).
var newProvider func(tune func(*p0.Config)) func() fwprovider.Provider

// Credentials of the in-process mock. They are fake by construction.
const (
	TestOrg   = "acc-test-org"
	TestToken = "acc-test-token-9f3c1e"
	// UserSecret is the secret the tests give where users give theirs (a
	// Kubernetes token, a database password, an audit-log token), to be
	// found nowhere it must not be.
	UserSecret = "user-secret-5d2e8a"
)

// Main runs a package's tests, for its TestMain: it first points Terraform
// at an empty CLI configuration unless the caller chose one that exists,
// so that acceptance tests neither read the user's
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
//
// provider is the provider under test, its client configured as tune says
// (internal/provider's Tuned): a package's tests hand it over, since
// acctest cannot import the provider, which imports every package whose
// tests use
func Main(m *testing.M, provider func(tune func(*p0.Config)) func() fwprovider.Provider) {
	newProvider = provider
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
		if openTofu, err := CLIIsOpenTofu(); err == nil && openTofu {
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

// TestEnv is one acceptance test's private P0: a mock API on loopback and a
// provider factory pointed at it.
type TestEnv struct {
	Mock *p0mock.Server
	URL  string
}

// NewTestEnv starts a fresh mock for one test and stops it at the end.
func NewTestEnv(t testing.TB) *TestEnv {
	t.Helper()
	mock := p0mock.New(TestOrg, TestToken)
	url, err := mock.Start("127.0.0.1:0")
	if err != nil {
		t.Fatalf("starting mock P0 API: %v", err)
	}
	t.Cleanup(func() { _ = mock.Close() })
	return &TestEnv{Mock: mock, URL: url}
}

// Factories serves the provider in-process, with retry waits short enough
// that fault-injection tests stay fast.
func (e *TestEnv) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"p0": providerserver.NewProtocol6WithError(newProvider(fastRetries)()),
	}
}

// fastRetries keeps the production backoff shape at a test-friendly scale,
// for retried requests and for verifications waiting on AWS.
func fastRetries(cfg *p0.Config) {
	cfg.RetryWaitMin = 5 * time.Millisecond
	cfg.RetryWaitMax = 50 * time.Millisecond
	cfg.VerifyWaitMin = 20 * time.Millisecond
	cfg.VerifyWaitMax = 200 * time.Millisecond
	cfg.VerifyTimeout = 30 * time.Second
	cfg.CheckTimeout = TestCheckTimeout
	cfg.WaitPollMin = 20 * time.Millisecond
	cfg.WaitPollMax = 100 * time.Millisecond
}

// TestCheckTimeout bounds the tests' credentials checks, where a release
// waits 10 seconds: long enough for a busy machine, short enough for the
// test of a check against a hung P0.
const TestCheckTimeout = 3 * time.Second

// ExpectError matches an error that contains the given phrases in order.
// Terraform wraps diagnostics at its terminal width, so the words of each
// phrase may be separated by any whitespace, including line breaks.
func ExpectError(phrases ...string) *regexp.Regexp {
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
func (e *TestEnv) ProviderBlock() string {
	return e.providerBlockWith("")
}

// providerBlockWith is ProviderBlock with more settings, one per line.
func (e *TestEnv) providerBlockWith(settings string) string {
	return fmt.Sprintf(`
provider "p0" {
  host      = %q
  org       = %q
  api_token = %q
%s}
`, e.URL, TestOrg, TestToken, settings)
}

// Config prefixes a test configuration with the provider block.
func (e *TestEnv) Config(hcl string) string {
	return e.ProviderBlock() + hcl
}

// ReliabilityEnv is a testEnv whose mock is reached through a fault proxy.
type ReliabilityEnv struct {
	*TestEnv
	Traffic *faultproxy.Proxy
}

// NewReliabilityEnv starts a fresh mock behind a recorder, on loopback, and
// stops both at the end of the test.
func NewReliabilityEnv(t *testing.T) *ReliabilityEnv {
	t.Helper()
	mock := p0mock.New(TestOrg, TestToken)
	traffic := faultproxy.New(mock)
	// The expiry options are listed by several resources at once, so that
	// one's retry cannot be told from another's list.
	traffic.SharedReads = []string{"GET /o/" + TestOrg + "/settings/expiry-options"}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening for the mock P0 API: %v", err)
	}
	server := &http.Server{Handler: traffic, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = server.Serve(listener) }()
	t.Cleanup(func() { _ = server.Close() })
	return &ReliabilityEnv{
		TestEnv: &TestEnv{Mock: mock, URL: "http://" + listener.Addr().String()},
		Traffic: traffic,
	}
}

// MockFaults counts the mock's request log by fault name.
func MockFaults(mock *p0mock.Server) map[string]int {
	counts := map[string]int{}
	for _, r := range mock.Requests() {
		if r.Fault != "" {
			counts[r.Fault]++
		}
	}
	return counts
}

// FaultRetries is max_retries for suites that inject faults at random. At
// 20% faults, the default of five retries would fail one call in about
// 16,000 by chance (six faults in a row); ten make that one in 50 million.
const FaultRetries = 10

// FaultConfig prefixes hcl with a provider block for the suites that inject
// faults at random: max_retries = faultRetries.
func (e *ReliabilityEnv) FaultConfig(hcl string) string {
	return e.providerBlockWith(fmt.Sprintf("  max_retries = %d\n", FaultRetries)) + hcl
}

// HungConfig is the configuration of the suites that make P0 hang during an
// operation: without the credentials check when the provider is configured,
// which would meet the hang too (TestAccProvider_credentialsCheckBounded
// tests that).
func (e *ReliabilityEnv) HungConfig(retries int, hcl string) string {
	return e.providerBlockWith(fmt.Sprintf("  max_retries = %d\n  skip_credentials_validation = true\n", retries)) + hcl
}

// CreateAWSRoot creates the AWS integration root through the API, as an
// earlier apply would have.
func (e *TestEnv) CreateAWSRoot(t *testing.T) {
	t.Helper()
	client, err := p0.NewClient(p0.Config{Host: e.URL, Org: TestOrg, Token: TestToken})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.CreateAWSIntegration(context.Background()); err != nil {
		t.Fatalf("creating the AWS integration root: %v", err)
	}
}

// SchemaOf builds a resource's schema, failing on a malformed one.
func SchemaOf(t *testing.T, r fwresource.Resource) rschema.Schema {
	t.Helper()
	var resp fwresource.SchemaResponse
	r.Schema(context.Background(), fwresource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("%T schema: %v", r, resp.Diagnostics)
	}
	return resp.Schema
}

// StateOf is a state of r's schema holding model.
func StateOf(t *testing.T, r fwresource.Resource, model any) tfsdk.State {
	t.Helper()
	state := tfsdk.State{Schema: SchemaOf(t, r)}
	if diags := state.Set(context.Background(), model); diags.HasError() {
		t.Fatalf("building state: %v", diags)
	}
	return state
}

// Client is an API client for this environment's mock, for tests that call
// a resource's methods directly.
func (e *TestEnv) Client(t *testing.T) *p0.Client {
	t.Helper()
	cfg := p0.Config{Host: e.URL, Org: TestOrg, Token: TestToken, UserAgent: "terraform-provider-p0/test"}
	fastRetries(&cfg)
	c, err := p0.NewClient(cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// LogEntries decodes what a tflogtest logger wrote.
func LogEntries(t *testing.T, out *bytes.Buffer) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(out)
	if err != nil {
		t.Fatalf("decoding log: %v", err)
	}
	return entries
}

// LoggedMessage reports whether any entry's message contains text.
func LoggedMessage(entries []map[string]any, text string) bool {
	for _, e := range entries {
		if strings.Contains(fmt.Sprint(e["@message"]), text) {
			return true
		}
	}
	return false
}

// CountCalls checks that call occurs n times in calls.
func CountCalls(calls []string, call string, n int) error {
	got := 0
	for _, c := range calls {
		if c == call {
			got++
		}
	}
	if got != n {
		return fmt.Errorf("%q sent %d times, want %d; requests: %v", call, got, n, calls)
	}
	return nil
}

// MarkRequests returns a PreConfig that remembers how many requests the
// mock has seen, so that a later check can look at the step's own.
func (e *TestEnv) MarkRequests(mark *int) func() {
	return func() { *mark = len(e.Mock.Requests()) }
}

// CheckCount asserts how many requests reached an endpoint since the log
// was last reset.
func (e *TestEnv) CheckCount(endpoint string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := e.Mock.Count(endpoint); got != want {
			return fmt.Errorf("%d requests to %s, want %d", got, endpoint, want)
		}
		return nil
	}
}

// CheckNoFailedRequests asserts that P0 answered every logged request with
// success: no conflict, no refusal.
func (e *TestEnv) CheckNoFailedRequests(*terraform.State) error {
	for _, r := range e.Mock.Requests() {
		if r.Status >= http.StatusBadRequest {
			return fmt.Errorf("%s %s was answered %d", r.Method, r.Path, r.Status)
		}
	}
	return nil
}

// CheckNoRequests asserts that nothing reached P0.
func (e *TestEnv) CheckNoRequests(t *testing.T) {
	t.Helper()
	e.CheckOnlyCredentialsChecks(t, 0)
}

// CheckOnlyCredentialsChecks asserts that what reached P0 is at most n of
// the provider's credentials checks, one read of the routing each: an
// invalid configuration that only the plan can refuse, since it depends on
// what P0 holds, comes after the provider's configuration; and nothing else.
func (e *TestEnv) CheckOnlyCredentialsChecks(t *testing.T, n int) {
	t.Helper()
	calls := make([]string, 0, len(e.Mock.Requests()))
	for _, r := range e.Mock.Requests() {
		calls = append(calls, r.Method+" "+r.Path)
	}
	checkOnlyCredentialsChecks(t, "the mock logged", calls, n)
}

// CheckOnlyCredentialsChecks is TestEnv's, for what crossed the recorder
// too.
func (e *ReliabilityEnv) CheckOnlyCredentialsChecks(t *testing.T, n int) {
	t.Helper()
	exchanges := e.Traffic.Exchanges()
	calls := make([]string, 0, len(exchanges))
	for _, ex := range exchanges {
		calls = append(calls, ex.Method+" "+ex.Path)
	}
	checkOnlyCredentialsChecks(t, "the recorder saw", calls, n)
	e.TestEnv.CheckOnlyCredentialsChecks(t, n)
}

// checkOnlyCredentialsChecks checks calls ("GET /o/org/routing"), which
// seen names, for CheckOnlyCredentialsChecks.
func checkOnlyCredentialsChecks(t *testing.T, seen string, calls []string, n int) {
	t.Helper()
	checks := 0
	for _, call := range calls {
		if call == http.MethodGet+" /o/"+TestOrg+"/routing" {
			checks++
		}
	}
	if checks != len(calls) || checks > n {
		t.Errorf("invalid configurations reached P0 (at most %d credentials checks allowed); %s: %s", n, seen, strings.Join(calls, ", "))
	}
}

// NewTestEnvBehaving is newTestEnv with a mock that answers as behavior
// says where P0's documents are silent.
func NewTestEnvBehaving(t *testing.T, behavior p0mock.Behavior) *TestEnv {
	t.Helper()
	env := NewTestEnv(t)
	env.Mock.SetBehavior(behavior)
	return env
}

// FactoriesWith serves the provider with fastRetries and further changes
// to the client's configuration.
func (e *TestEnv) FactoriesWith(tune func(*p0.Config)) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"p0": providerserver.NewProtocol6WithError(newProvider(func(c *p0.Config) {
			fastRetries(c)
			tune(c)
		})()),
	}
}
