package acctest

import (
	gotesting "github.com/mitchellh/go-testing-interface"

	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-exec/tfexec"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
)

// ProviderAddress is the provider's source address, under which
// TerraformCLI serves it: on registry.terraform.io, or on the host in
// TF_ACC_PROVIDER_HOST, which TestMain sets to registry.opentofu.org under
// OpenTofu (that is where OpenTofu resolves a short source address, and
// where its reattach addresses must be).
func ProviderAddress() string {
	host := "registry.terraform.io"
	if v := os.Getenv("TF_ACC_PROVIDER_HOST"); v != "" {
		host = strings.TrimSuffix(v, "/")
	}
	return host + "/p0-security/p0"
}

// TerraformCLI runs Terraform in its own working directory against the
// provider served in-process. It exists for what terraform-plugin-testing
// cannot do: terraform-exec always passes -parallelism=10 to plan, apply and
// destroy, which overrides TF_CLI_ARGS_*, so other parallelism needs
// tfexec.Parallelism.
type TerraformCLI struct {
	Tf       *tfexec.Terraform
	Reattach tfexec.ReattachInfo
}

// NewTerraformCLI serves the provider until the test ends and initialises
// a working directory holding config.
func NewTerraformCLI(t testing.TB, config string) *TerraformCLI {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	reattachCh := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	server := providerserver.NewProtocol6(newProvider(fastRetries)())
	// A test shows the provider's logs in its own output; a benchmark
	// drops them.
	var sink gotesting.T = quietSink{t}
	if test, ok := t.(*testing.T); ok {
		sink = test
	}
	go func() {
		_ = tf6server.Serve(ProviderAddress(), server,
			tf6server.WithDebug(ctx, reattachCh, closed),
			tf6server.WithGoPluginLogger(hclog.NewNullLogger()),
			tf6server.WithLoggingSink(sink))
	}()
	var served *plugin.ReattachConfig
	select {
	case served = <-reattachCh:
	case <-time.After(30 * time.Second):
		stop()
		t.Fatal("the provider did not start serving")
	}
	t.Cleanup(func() {
		stop()
		<-closed
	})

	terraform := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if terraform == "" {
		var err error
		if terraform, err = exec.LookPath("terraform"); err != nil {
			t.Fatalf("finding terraform: %v", err)
		}
	}
	dir := t.TempDir()
	tf, err := tfexec.NewTerraform(dir, terraform)
	if err != nil {
		t.Fatal(err)
	}
	cli := &TerraformCLI{Tf: tf, Reattach: tfexec.ReattachInfo{ProviderAddress(): {
		Protocol:        string(served.Protocol),
		ProtocolVersion: served.ProtocolVersion,
		Pid:             served.Pid,
		Test:            served.Test,
		Addr:            tfexec.ReattachConfigAddr{Network: served.Addr.Network(), String: served.Addr.String()},
	}}}
	cli.Write(t, config)
	if err := tf.Init(context.Background(), tfexec.Reattach(cli.Reattach)); err != nil {
		t.Fatalf("terraform init: %v", err)
	}
	return cli
}

// quietSink is the provider's logging sink in a benchmark: it drops the
// logs, which would otherwise be written to standard error.
type quietSink struct{ testing.TB }

func (quietSink) Parallel() {}

func (quietSink) Log(...any) {}

func (quietSink) Logf(string, ...any) {}

// Write replaces the working directory's configuration, adding the
// required_providers block that maps p0 to the served provider. The source
// names its registry host, since OpenTofu would otherwise look for it on its
// own.
func (c *TerraformCLI) Write(t testing.TB, config string) {
	t.Helper()
	config = fmt.Sprintf(`
terraform {
  required_providers {
    p0 = { source = %q }
  }
}
`, ProviderAddress()) + config
	if err := os.WriteFile(filepath.Join(c.Tf.WorkingDir(), "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
}
