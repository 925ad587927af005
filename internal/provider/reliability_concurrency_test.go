package provider_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-exec/tfexec"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// TestAccReliability_concurrency creates a large configuration at
// Terraform's default parallelism, updates every object and replaces the
// expiry options with -parallelism=20, and destroys it all with
// -parallelism=20, checking after each apply that P0 holds exactly the
// configuration: no write lost to a concurrent one. Every answer takes a
// little time, so that operations overlap; the most requests the mock
// handled at once shows the parallelism in effect.
func TestAccReliability_concurrency(t *testing.T) {
	acctest.SkipUnlessAcceptance(t)
	env := acctest.NewReliabilityEnv(t)
	env.Mock.SetFaults(p0mock.Faults{Latency: 100 * time.Millisecond})
	created := acctest.Fleet{Rules: 60, Accounts: 3, Functions: 2, Unstaged: 2, ExpiryOptions: 16, JITSettings: true}
	updated := created
	updated.Variant = 1
	ctx := context.Background()
	start := time.Now()
	cli := acctest.NewTerraformCLI(t, env.Config(created.Hcl()))

	inFlight := map[string]int{}
	run := func(what string, lowest, highest int, command func() error, want acctest.Fleet) {
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
		if problems := want.Mismatches(env.Mock); len(problems) > 0 {
			t.Fatalf("%s: P0 does not hold exactly the configuration (%d differences):\n%v", what, len(problems), problems)
		}
	}

	run("create, default parallelism", 2, 10, func() error {
		return cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach))
	}, created)

	cli.Write(t, env.Config(updated.Hcl()))
	run("update, -parallelism=20", 11, 20, func() error {
		return cli.Tf.Apply(ctx, tfexec.Reattach(cli.Reattach), tfexec.Parallelism(20))
	}, updated)

	changes, err := cli.Tf.Plan(ctx, tfexec.Reattach(cli.Reattach), tfexec.Parallelism(20))
	if err != nil || changes {
		t.Fatalf("the plan after the update: changes %t, error %v; want none", changes, err)
	}

	run("destroy, -parallelism=20", 11, 20, func() error {
		return cli.Tf.Destroy(ctx, tfexec.Reattach(cli.Reattach), tfexec.Parallelism(20))
	}, acctest.Fleet{})

	t.Logf("concurrency suite: %d objects; most requests in flight at once: %v; %v",
		created.Objects(), inFlight, time.Since(start).Round(time.Second))
}
