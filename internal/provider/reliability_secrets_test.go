package provider_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// TestAccReliability_secrets runs applies, retries and failures with every
// log at TRACE, then searches the log, the state and every other file
// Terraform wrote, and the text of every error, for the API token. The token
// reaches the provider only through P0_API_TOKEN, so that no configuration
// file holds it and any file that does is a leak.
func TestAccReliability_secrets(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	dir := t.TempDir()
	logPath := filepath.Join(dir, "terraform.log")
	workDir := filepath.Join(dir, "work")
	if err := os.Mkdir(workDir, 0o700); err != nil {
		t.Fatal(err)
	}
	// TF_ACC_LOG_PATH sends Terraform's own log and the in-process
	// provider's (terraform-plugin-log's test sink) to one file, at TRACE.
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv("TF_ACC_TEMP_DIR", workDir)
	t.Setenv("TF_ACC_PERSIST_WORKING_DIR", "1")
	t.Setenv("P0_ORG", acctest.TestOrg)
	t.Setenv("P0_API_TOKEN", acctest.TestToken)
	t.Setenv("P0_HOST", env.URL)
	t.Setenv("P0_MAX_RETRIES", "")

	// A proxy that answers with an error page quoting the request's
	// Authorization header.
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, "<html><body><h1>Bad request</h1><pre>%s %s\nAuthorization: %s</pre></body></html>",
			r.Method, r.URL.Path, r.Header.Get("Authorization"))
	}))
	t.Cleanup(echo.Close)

	created := acctest.Fleet{Rules: 4, Accounts: 1, ExpiryOptions: 2, JITSettings: true}
	updated := created
	updated.Variant = 1
	config := func(f acctest.Fleet) string { return "provider \"p0\" {}\n" + f.Hcl() }

	// Steps that are meant to fail are left without ExpectError so that
	// ErrorCheck receives the whole error text.
	var failures []string
	expected := []string{}
	expectFailure := func(phrase string) func() {
		return func() { expected = append(expected, phrase) }
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             created.CheckEmpty(env.Mock),
		ErrorCheck: func(err error) error {
			text := err.Error()
			failures = append(failures, text)
			if strings.Contains(text, acctest.TestToken) {
				return fmt.Errorf("the error shows the API token")
			}
			if len(failures) > len(expected) || !acctest.ExpectError(expected[len(failures)-1]).MatchString(text) {
				return err
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// Throttling and lost answers make the client log retries
				// and failed requests too.
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{ThrottleRate: 0.15, LoseResponseRate: 0.1, Seed: 3})
				},
				Config: config(created),
				Check:  created.CheckMatches(env.Mock),
			},
			{
				// P0 refuses the key.
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{})
					env.Mock.FailNext(http.MethodPut, "/o/{org}/routing/name/{name}", http.StatusUnauthorized, "the API key has expired")
					expectFailure("401 Unauthorized: the API key has expired")()
				},
				Config: config(updated),
			},
			{
				// A proxy echoes the request, token included, in its page.
				PreConfig: func() {
					t.Setenv("P0_HOST", echo.URL)
					expectFailure("Authorization: Bearer [redacted]")()
				},
				Config: config(updated),
			},
			{
				PreConfig: func() { t.Setenv("P0_HOST", env.URL) },
				Config:    config(updated),
				Check:     updated.CheckMatches(env.Mock),
			},
		},
	})

	if len(failures) != len(expected) {
		t.Errorf("%d steps failed, want %d: %q", len(failures), len(expected), failures)
	}
	logged, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatalf("reading the log: %v", err)
	}
	for _, want := range []string{"P0 API request", "retrying P0 API request", "401", env.URL} {
		if !bytes.Contains(logged, []byte(want)) {
			t.Errorf("the TRACE log (%d bytes) has no %q: it does not show what the provider did, so its lack of the token proves nothing", len(logged), want)
		}
	}
	if i := bytes.Index(logged, []byte(acctest.TestToken)); i >= 0 {
		t.Errorf("the TRACE log shows the API token: …%s…", logged[max(0, i-200):i])
	}

	states, withRules, files, plans := 0, 0, 0, 0
	err = filepath.WalkDir(workDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err // directories, and links such as the one to the package's testdata
		}
		info, err := d.Info()
		if err != nil || info.Size() > 32<<20 { // Terraform binaries, if any were installed here
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		if d.Name() == "tfplan" {
			plans++
		}
		if d.Name() == "terraform.tfstate" {
			states++
			if bytes.Contains(data, []byte("p0_routing_rule")) {
				withRules++
			}
		}
		for name, content := range unpacked(t, path, data) {
			if bytes.Contains(content, []byte(acctest.TestToken)) {
				t.Errorf("%s shows the API token", name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("searching Terraform's files: %v", err)
	}
	if withRules == 0 {
		t.Errorf("none of the %d files Terraform left in %s is a state file with the routing rules (%d state files)", files, workDir, states)
	}
	if plans == 0 {
		t.Errorf("no saved plan among the %d files Terraform left in %s", files, workDir)
	}
	t.Logf("secrets suite: searched a %d-byte TRACE log, %d files (%d state files, %d saved plans) and %d error texts",
		len(logged), files, states, plans, len(failures))
}

// unpacked returns a file's content, or for a zip archive (a saved plan)
// the content of each member, which compression would otherwise hide.
func unpacked(t *testing.T, path string, data []byte) map[string][]byte {
	if !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return map[string][]byte{path: data}
	}
	archive, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Errorf("reading %s as a zip archive: %v", path, err)
		return map[string][]byte{path: data}
	}
	contents := map[string][]byte{}
	for _, member := range archive.File {
		r, err := member.Open()
		if err != nil {
			t.Errorf("opening %s in %s: %v", member.Name, path, err)
			continue
		}
		content, err := io.ReadAll(r)
		_ = r.Close()
		if err != nil {
			t.Errorf("reading %s in %s: %v", member.Name, path, err)
		}
		contents[path+"!"+member.Name] = content
	}
	return contents
}

// TestAccReliability_tlsVerified puts P0 behind TLS with a certificate that
// no trusted authority signed: the provider must refuse to talk to it, at
// once and without retrying, rather than send the token.
func TestAccReliability_tlsVerified(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	untrusted := httptest.NewUnstartedServer(env.Traffic)
	untrusted.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes
	untrusted.StartTLS()
	t.Cleanup(untrusted.Close)
	f := acctest.Fleet{Rules: 1}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "p0" {
  host      = %q
  org       = %q
  api_token = %q
}
`, untrusted.URL, acctest.TestOrg, acctest.TestToken) + f.Hcl(),
			ExpectError: acctest.ExpectError("Unable to Create Routing Rule", "after 1 attempts", "x509: certificate signed by unknown authority"),
		}},
	})
	if n := len(env.Traffic.Exchanges()); n > 0 {
		t.Errorf("%d requests reached P0 over a connection to an untrusted certificate", n)
	}
}

// TestTLSVerificationNeverDisabled searches the provider's code for the one
// setting that turns certificate verification off.
func TestTLSVerificationNeverDisabled(t *testing.T) {
	root := filepath.Join("..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root:
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go"):
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		if bytes.Contains(data, []byte("InsecureSkipVerify")) {
			t.Errorf("%s mentions InsecureSkipVerify", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d Go files found under %s; the search looked in the wrong place", checked, root)
	}
}
