package provider_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/p0-security/terraform-provider-p0/internal/acctest"
	"github.com/p0-security/terraform-provider-p0/internal/faultproxy"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

// Bounds on the waits between a fault and its retry. The provider under
// test backs off between 5ms and 50ms (fastRetries) when P0 sends no
// Retry-After; slack absorbs scheduling on a busy machine.
const (
	faultRetryAfter = time.Second
	waitSlack       = 750 * time.Millisecond
	shortestWait    = faultRetryAfter - 50*time.Millisecond
)

// TestAccReliability_faults applies one configuration of many objects of
// every type while P0 answers 20% of requests with 429 (with Retry-After)
// or 503 (an HTML page, as from a proxy). The apply must succeed with P0
// then holding exactly the configuration; every fault must be retried, after
// the wait Retry-After asks for and no longer than the backoff allows.
func TestAccReliability_faults(t *testing.T) {
	env := acctest.NewReliabilityEnv(t)
	f := acctest.Fleet{Rules: 30, Accounts: 3, Functions: 1, Unstaged: 1, ExpiryOptions: 8, JITSettings: true, Reads: true}
	config := env.FaultConfig(f.Hcl())
	// 10% throttled, then 1/9 of the rest (10% of all) unavailable: 20%.
	faults := p0mock.Faults{ThrottleRate: 0.1, UnavailableRate: 1.0 / 9, RetryAfter: faultRetryAfter, Seed: 20}

	var applied faultproxy.Report
	start := time.Now()
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.EphemeralResourcesSupported}, // the fleet opens an access request
		ProtoV6ProviderFactories: acctest.WithEcho(env.TestEnv),
		CheckDestroy:             f.CheckEmpty(env.Mock),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					env.Mock.SetFaults(faults)
					env.Mock.ResetRequests()
					env.Traffic.Reset()
				},
				Config:            config,
				ConfigStateChecks: f.ReadsChecks(),
				Check: resource.ComposeAggregateTestCheckFunc(
					f.CheckMatches(env.Mock),
					func(*terraform.State) error {
						applied = env.Traffic.Report()
						return checkRetriedWithinBounds(applied, acctest.MockFaults(env.Mock))
					},
				),
			},
			{
				// Still under faults, the next plan finds nothing to do.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
	all := env.Traffic.Report()
	if err := checkRetriedWithinBounds(all, nil); err != nil {
		t.Errorf("over the whole test, including plan and destroy: %v", err)
	}
	t.Logf("faults suite: %d objects; first apply: %s; whole test (apply, re-plan, destroy): %s; %v",
		f.Objects(), applied, all, time.Since(start).Round(time.Second))
}

// checkRetriedWithinBounds checks a traffic report of a run that succeeded
// under faults: faults were injected at about the configured rate, each
// was retried, no call was tried more often than max_retries allows, and
// every wait honoured Retry-After without running away. mockCounts, when
// given, are the mock's own fault counts for the same period.
func checkRetriedWithinBounds(r faultproxy.Report, mockCounts map[string]int) error {
	if r.Requests < 50 {
		return fmt.Errorf("only %d requests reached P0; the configuration is too small to say anything", r.Requests)
	}
	if rate := float64(r.Throttled+r.Unavailable) / float64(r.Requests); rate < 0.1 || rate > 0.3 {
		return fmt.Errorf("%.0f%% of requests were throttled or unavailable, want about 20%% (%s)", 100*rate, r)
	}
	if mockCounts != nil && (mockCounts["throttle"] != r.Throttled || mockCounts["unavailable"] != r.Unavailable || mockCounts["lost"] != r.Lost) {
		return fmt.Errorf("the recorder saw %s, the mock logged %v", r, mockCounts)
	}
	if r.Unretried > 0 {
		return fmt.Errorf("%d faulted requests were never retried (%s)", r.Unretried, r)
	}
	if maxAttempts := acctest.FaultRetries + 1; r.LongestRun >= maxAttempts {
		return fmt.Errorf("one call faulted %d times in a row, but it may only be tried %d times", r.LongestRun, maxAttempts)
	}
	var bound time.Duration
	for _, w := range r.Waits {
		limit := 50*time.Millisecond + waitSlack
		if w.After.Status == 429 {
			if w.Wait < shortestWait {
				return fmt.Errorf("%s %s was retried %v after a 429 with Retry-After %q", w.After.Method, w.After.Path, w.Wait, w.After.RetryAfter)
			}
			limit = faultRetryAfter + waitSlack
		}
		if w.Wait > limit {
			return fmt.Errorf("%s %s was retried only %v after its fault (status %d), more than %v", w.After.Method, w.After.Path, w.Wait, w.After.Status, limit)
		}
		bound += limit
	}
	if r.TotalWait > bound+time.Duration(r.Retries-len(r.Waits))*(faultRetryAfter+waitSlack) {
		return fmt.Errorf("retries waited %v in all, more than the %v the faults allow", r.TotalWait, bound)
	}
	return nil
}
