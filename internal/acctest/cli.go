package acctest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// The acceptance tests run under Terraform (make testacc) and under OpenTofu
// (make testacc-tofu, which points TF_ACC_TERRAFORM_PATH at a tofu binary).
// terraform-plugin-testing drives both the same way, but its version checks
// only ever see a version number, and the two CLIs number their releases
// independently: OpenTofu 1.10 lacks features that Terraform 1.10 has. A
// version check that gates a CLI feature therefore names a minimum for each.

// EphemeralResourcesSupported skips a test on CLIs without ephemeral
// resources: Terraform has them from 1.10, OpenTofu from 1.11.
var EphemeralResourcesSupported = skipBelow(tfversion.Version1_10_0, tfversion.Version1_11_0)

// skipBelow skips a test on Terraform older than terraform and on OpenTofu
// older than openTofu.
func skipBelow(terraform, openTofu *version.Version) tfversion.TerraformVersionCheck {
	return byCLI{Terraform: tfversion.SkipBelow(terraform), OpenTofu: tfversion.SkipBelow(openTofu)}
}

// byCLI applies one version check under Terraform and another under
// OpenTofu. A nil check passes. A skip under OpenTofu says "OpenTofu CLI"
// where terraform-plugin-testing's message says "Terraform CLI".
type byCLI struct {
	Terraform tfversion.TerraformVersionCheck
	OpenTofu  tfversion.TerraformVersionCheck
}

func (c byCLI) CheckTerraformVersion(ctx context.Context, req tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	openTofu, err := CLIIsOpenTofu()
	if err != nil {
		resp.Error = err
		return
	}
	check := c.Terraform
	if openTofu {
		check = c.OpenTofu
	}
	if check == nil {
		return
	}
	check.CheckTerraformVersion(ctx, req, resp)
	if openTofu && resp.Skip != "" {
		resp.Skip = strings.Replace(resp.Skip, "Terraform CLI", "OpenTofu CLI", 1)
	}
}

var (
	openTofuVersion = regexp.MustCompile(`(?m)^OpenTofu v\d`)
	cliVersion      = regexp.MustCompile(`(?m)^(?:Terraform|OpenTofu) v(\S+)`)
)

var testCLI struct {
	once     sync.Once
	openTofu bool
	version  *version.Version
	err      error
}

// CLIIsOpenTofu tells whether the CLI that terraform-plugin-testing runs is
// OpenTofu. It looks for the binary the way terraform-plugin-testing does
// (TF_ACC_TERRAFORM_PATH, else a release download of Terraform when
// TF_ACC_TERRAFORM_VERSION is set, else terraform on PATH) and reads the
// line of its version output that names it: "OpenTofu v1.12.6" or
// "Terraform v1.11.4".
func CLIIsOpenTofu() (bool, error) {
	testCLI.once.Do(func() {
		path := os.Getenv("TF_ACC_TERRAFORM_PATH")
		if path == "" {
			if os.Getenv("TF_ACC_TERRAFORM_VERSION") != "" {
				return // terraform-plugin-testing downloads a Terraform release
			}
			p, err := exec.LookPath("terraform")
			if err != nil {
				testCLI.err = fmt.Errorf("finding the Terraform CLI: %w", err)
				return
			}
			path = p
		}
		cmd := exec.Command(path, "version")
		cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
		out, err := cmd.Output()
		if err != nil {
			testCLI.err = fmt.Errorf("running %s version: %w", path, err)
			return
		}
		testCLI.openTofu = openTofuVersion.Match(out)
		if match := cliVersion.FindSubmatch(out); match != nil {
			testCLI.version, _ = version.NewVersion(string(match[1])) // no version reads as the oldest
		}
	})
	return testCLI.openTofu, testCLI.err
}

// IdentitySupported reports whether the CLI under test keeps resource
// identities: Terraform 1.12 and later; OpenTofu does not.
func IdentitySupported(t testing.TB) bool {
	t.Helper()
	openTofu, err := CLIIsOpenTofu()
	if err != nil {
		t.Fatal(err)
	}
	return !openTofu && testCLI.version != nil && !testCLI.version.LessThan(version.Must(version.NewVersion("1.12.0")))
}

// SkipUnlessQuery skips a test that runs terraform query where the CLI has
// none: Terraform before 1.14, and OpenTofu.
func (c *TerraformCLI) SkipUnlessQuery(t testing.TB) {
	t.Helper()
	openTofu, err := CLIIsOpenTofu()
	if err != nil {
		t.Fatal(err)
	}
	if openTofu {
		t.Skip("OpenTofu has no terraform query")
	}
	v, _, err := c.Tf.Version(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	if v.LessThan(version.Must(version.NewVersion("1.14.0"))) {
		t.Skipf("Terraform %s has no terraform query; it needs 1.14", v)
	}
}

// Actions need Terraform 1.14; OpenTofu has none.
var ActionVersions = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	SkipOnOpenTofu("OpenTofu has no actions"),
}

// List resources need Terraform 1.14 (terraform query); OpenTofu has none.
var QueryVersions = []tfversion.TerraformVersionCheck{
	tfversion.SkipBelow(tfversion.Version1_14_0),
	SkipOnOpenTofu("OpenTofu has no terraform query"),
}

// ListBlock is a list block of a query file; body is added inside it.
func ListBlock(resourceType, name, body string) string {
	return fmt.Sprintf("list %q %q {\n  provider = p0\n%s}\n", resourceType, name, body)
}

// SkipOnOpenTofu skips a test when the CLI under test is OpenTofu, which
// reports a Terraform-like version but lacks the feature reason names.
func SkipOnOpenTofu(reason string) tfversion.TerraformVersionCheck {
	return openTofuCheck(reason)
}

type openTofuCheck string

func (reason openTofuCheck) CheckTerraformVersion(_ context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	openTofu, err := CLIIsOpenTofu()
	switch {
	case err != nil:
		resp.Error = err
	case openTofu:
		resp.Skip = string(reason)
	}
}
