package provider_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// hangLimit bounds how long a step against a hung server may take when the
// operation's timeout is two seconds: Terraform's own work on a busy
// machine fits in it, a hang of the server's minute does not.
const hangLimit = 20 * time.Second

// stopwatch times the steps that are expected to fail, between their
// PreConfig and the next step's.
type stopwatch struct {
	t       *testing.T
	started time.Time
	times   []time.Duration
}

func (s *stopwatch) start() { s.started = time.Now() }

// stop records the time since start and fails the test beyond hangLimit.
func (s *stopwatch) stop(what string) {
	elapsed := time.Since(s.started)
	s.times = append(s.times, elapsed)
	if elapsed > hangLimit {
		s.t.Errorf("%s took %v against a hung server; the timeout should have ended it within %v", what, elapsed.Round(time.Second), hangLimit)
	}
}

// TestAccReliability_timeouts makes P0 hang during each operation of
// p0_aws_component and checks that its timeouts block ends the operation
// with a clear error, and that the next apply, with P0 answering again,
// finishes the job.
func TestAccReliability_timeouts(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	const account = "400000000301"
	item := "/o/" + acctest.TestOrg + "/integrations/aws/config/inventory/" + account
	component := func(label string) string {
		return acctest.AWSComponentHCL("slow", p0.ComponentInventory, account, p0.AWSItem{Label: label},
			"  timeouts {\n    create = \"2s\"\n    update = \"2s\"\n    delete = \"2s\"\n  }\n")
	}
	watch := &stopwatch{t: t}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: func(*terraform.State) error {
			if _, ok := env.Mock.AWSItem(p0.ComponentInventory, account); ok {
				return fmt.Errorf("the item is still in P0")
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// Every answer takes a minute; the create may take two
				// seconds. Planning a new resource reads nothing.
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{Latency: time.Minute})
					watch.start()
				},
				Config:      env.HungConfig(p0.DefaultMaxRetries, component("v1")),
				ExpectError: acctest.ExpectError("Unable to Install AWS Component", "P0 did not answer in time"),
			},
			{
				PreConfig: func() {
					watch.stop("the create")
					env.Mock.SetFaults(p0mock.Faults{})
				},
				Config: env.HungConfig(p0.DefaultMaxRetries, component("v1")),
				Check:  acctest.ExpectAWSItem(env.TestEnv, p0.ComponentInventory, account, acctest.Installed(p0.AWSItem{Label: "v1"})),
			},
			{
				// The refresh is answered; the configure that updates the
				// label hangs.
				PreConfig: func() {
					env.Traffic.HangNext(http.MethodPost, item+"/configure$", 0)
					watch.start()
				},
				Config:      env.HungConfig(p0.DefaultMaxRetries, component("v2")),
				ExpectError: acctest.ExpectError("Unable to Update AWS Component", "P0 did not answer in time"),
			},
			{
				// The failed update kept the old state, so the update is
				// planned again and made.
				PreConfig: func() { watch.stop("the update") },
				Config:    env.HungConfig(p0.DefaultMaxRetries, component("v2")),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("p0_aws_component.slow", plancheck.ResourceActionUpdate)},
				},
				Check: acctest.ExpectAWSItem(env.TestEnv, p0.ComponentInventory, account, acctest.Installed(p0.AWSItem{Label: "v2"})),
			},
			{
				// Removed from the configuration: the delete hangs.
				PreConfig: func() {
					env.Traffic.HangNext(http.MethodDelete, item+"$", 0)
					watch.start()
				},
				Config:      env.HungConfig(p0.DefaultMaxRetries, ""),
				ExpectError: acctest.ExpectError("Unable to Delete AWS Component", "P0 did not answer in time"),
			},
			{
				PreConfig: func() { watch.stop("the delete") },
				Config:    env.HungConfig(p0.DefaultMaxRetries, ""),
				Check:     acctest.ExpectNoAWSItem(env.TestEnv, p0.ComponentInventory, account),
			},
		},
	})
	t.Logf("timeouts suite: create, update and delete against a hung P0 ended after %v", watch.times)
}

// TestAccReliability_hungServerWithoutTimeouts makes P0 hang for a resource
// without a timeouts block: each attempt is bounded by the client's request
// timeout, so the apply ends with a clear error after the configured
// retries instead of hanging.
func TestAccReliability_hungServerWithoutTimeouts(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	f := acctest.Fleet{Rules: 1}
	watch := &stopwatch{t: t}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.FactoriesWith(func(c *p0.Config) { c.RequestTimeout = 500 * time.Millisecond }),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.SetFaults(p0mock.Faults{Latency: time.Minute})
					watch.start()
				},
				Config:      env.HungConfig(2, f.Hcl()),
				ExpectError: acctest.ExpectError("Unable to Create Routing Rule", "P0 did not answer in time (after 3 attempts)"),
			},
			{
				PreConfig: func() {
					watch.stop("the create")
					if n := len(env.Traffic.Exchanges()); n != 3 {
						t.Errorf("P0 received %d attempts, want 3 (max_retries = 2)", n)
					}
					env.Mock.SetFaults(p0mock.Faults{})
				},
				Config: env.HungConfig(2, f.Hcl()),
				Check:  f.CheckMatches(env.Mock),
			},
		},
	})
}
