package provider

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

	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// providerAddress is the provider's source address, under which
// terraformCLI serves it: on registry.terraform.io, or on the host in
// TF_ACC_PROVIDER_HOST, which TestMain sets to registry.opentofu.org under
// OpenTofu (that is where OpenTofu resolves a short source address, and
// where its reattach addresses must be).
func providerAddress() string {
	host := "registry.terraform.io"
	if v := os.Getenv("TF_ACC_PROVIDER_HOST"); v != "" {
		host = strings.TrimSuffix(v, "/")
	}
	return host + "/p0-security/p0"
}

// terraformCLI runs Terraform in its own working directory against the
// provider served in-process. It exists for what terraform-plugin-testing
// cannot do: terraform-exec always passes -parallelism=10 to plan, apply and
// destroy, which overrides TF_CLI_ARGS_*, so other parallelism needs
// tfexec.Parallelism.
type terraformCLI struct {
	tf       *tfexec.Terraform
	reattach tfexec.ReattachInfo
}

// newTerraformCLI serves the provider until the test ends and initialises
// a working directory holding config.
func newTerraformCLI(t testing.TB, config string) *terraformCLI {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	reattachCh := make(chan *plugin.ReattachConfig)
	closed := make(chan struct{})
	server := providerserver.NewProtocol6(New("test", "test", WithClientConfig(fastRetries))())
	// A test shows the provider's logs in its own output; a benchmark
	// drops them.
	var sink gotesting.T = quietSink{t}
	if test, ok := t.(*testing.T); ok {
		sink = test
	}
	go func() {
		_ = tf6server.Serve(providerAddress(), server,
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
	cli := &terraformCLI{tf: tf, reattach: tfexec.ReattachInfo{providerAddress(): {
		Protocol:        string(served.Protocol),
		ProtocolVersion: served.ProtocolVersion,
		Pid:             served.Pid,
		Test:            served.Test,
		Addr:            tfexec.ReattachConfigAddr{Network: served.Addr.Network(), String: served.Addr.String()},
	}}}
	cli.write(t, config)
	if err := tf.Init(context.Background(), tfexec.Reattach(cli.reattach)); err != nil {
		t.Fatalf("terraform init: %v", err)
	}
	return cli
}

// quietSink is the provider's logging sink in a benchmark: it drops the
// logs, which would otherwise be written to standard error.
type quietSink struct{ testing.TB }

func (quietSink) Parallel()           {}
func (quietSink) Log(...any)          {}
func (quietSink) Logf(string, ...any) {}

// write replaces the working directory's configuration, adding the
// required_providers block that maps p0 to the served provider. The source
// names its registry host, since OpenTofu would otherwise look for it on its
// own.
func (c *terraformCLI) write(t testing.TB, config string) {
	t.Helper()
	config = fmt.Sprintf(`
terraform {
  required_providers {
    p0 = { source = %q }
  }
}
`, providerAddress()) + config
	if err := os.WriteFile(filepath.Join(c.tf.WorkingDir(), "main.tf"), []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAccReliability_concurrency creates a large configuration at
// Terraform's default parallelism, updates every object and replaces the
// expiry options with -parallelism=20, and destroys it all with
// -parallelism=20, checking after each apply that P0 holds exactly the
// configuration: no write lost to a concurrent one. Every answer takes a
// little time, so that operations overlap; the most requests the mock
// handled at once shows the parallelism in effect.
func TestAccReliability_concurrency(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1")
	}
	env := newReliabilityEnv(t)
	env.Mock.SetFaults(p0mock.Faults{Latency: 100 * time.Millisecond})
	created := fleet{Rules: 60, Accounts: 3, Functions: 2, Unstaged: 2, ExpiryOptions: 16, JITSettings: true}
	updated := created
	updated.Variant = 1
	ctx := context.Background()
	start := time.Now()
	cli := newTerraformCLI(t, env.Config(created.hcl()))

	inFlight := map[string]int{}
	run := func(what string, lowest, highest int, command func() error, want fleet) {
		t.Helper()
		env.Traffic.Reset()
		if err := command(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		n := env.Traffic.MaxInFlight()
		inFlight[what] = n
		if n < lowest || n > highest {
			t.Errorf("%s: up to %d requests were in flight at once, want %d to %d", what, n, lowest, highest)
		}
		if problems := want.mismatches(env.Mock); len(problems) > 0 {
			t.Fatalf("%s: P0 does not hold exactly the configuration (%d differences):\n%v", what, len(problems), problems)
		}
	}

	run("create, default parallelism", 2, 10, func() error {
		return cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach))
	}, created)

	cli.write(t, env.Config(updated.hcl()))
	run("update, -parallelism=20", 11, 20, func() error {
		return cli.tf.Apply(ctx, tfexec.Reattach(cli.reattach), tfexec.Parallelism(20))
	}, updated)

	changes, err := cli.tf.Plan(ctx, tfexec.Reattach(cli.reattach), tfexec.Parallelism(20))
	if err != nil || changes {
		t.Fatalf("the plan after the update: changes %t, error %v; want none", changes, err)
	}

	run("destroy, -parallelism=20", 11, 20, func() error {
		return cli.tf.Destroy(ctx, tfexec.Reattach(cli.reattach), tfexec.Parallelism(20))
	}, fleet{})

	t.Logf("concurrency suite: %d objects; most requests in flight at once: %v; %v",
		created.objects(), inFlight, time.Since(start).Round(time.Second))
}
