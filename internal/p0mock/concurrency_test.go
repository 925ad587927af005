package p0mock

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
)

// TestConcurrentUse drives every part of the server from many goroutines at
// once. Run under -race it checks the locking; the final state checks that
// no write was lost.
func TestConcurrentUse(t *testing.T) {
	const workers, rounds = 8, 20
	h := newHarness(t)
	s := h.server
	expectStatus(t, h.do(http.MethodPost, awsPath, ""), http.StatusOK)

	var wg sync.WaitGroup
	for worker := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range rounds {
				n := worker*rounds + round
				name := fmt.Sprintf("rule-%d", n)
				h.do(http.MethodPost, rulePath(name), ruleJSON(t, name))
				h.do(http.MethodPut, rulePath(name), ruleJSON(t, name))
				h.do(http.MethodPost, settingsPath+"/expiry-options", fmt.Sprintf(`{"time":%d,"unit":"s"}`, n+1))
				h.do(http.MethodPut, itemPath(p0.ComponentInventory, fmt.Sprintf("%012d", n)), "")
				h.do(http.MethodPost, commandPath, `{"argv":["request","aws"],"scriptName":"p0"}`)
				h.do(http.MethodGet, orgPath+"/routing", "")
				h.do(http.MethodGet, awsPath, "")

				// Test-side access, concurrently with requests.
				s.RoutingRules()
				s.AWSIntegration()
				s.Requests()
				s.Counts()
				s.SetDefaultApprovals(p0.DefaultApprovals{AllowOneParty: boolPointer(round%2 == 0)})
				s.SetFaults(Faults{Seed: int64(n)})
				s.FailNext(http.MethodGet, "/o/{org}/settings/default-approvals", http.StatusTeapot, "planned")
				h.do(http.MethodGet, settingsPath+"/default-approvals", "")
			}
		}()
	}
	wg.Wait()

	total := workers * rounds
	if got := len(s.RoutingRules()); got != total {
		t.Errorf("%d rules, want %d", got, total)
	}
	if got := len(s.ExpiryOptions()); got != total+len(defaultOptions) {
		t.Errorf("%d expiry options, want %d added to the %d defaults", got, total, len(defaultOptions))
	}
	if got := len(s.AWSIntegration()[p0.ComponentInventory]); got != total {
		t.Errorf("%d inventory items, want %d", got, total)
	}
	if got := len(s.Commands()); got != total {
		t.Errorf("%d commands, want %d", got, total)
	}
	if got := s.Count(ruleEndpoint); got != total {
		t.Errorf("Count(%s) = %d, want %d", ruleEndpoint, got, total)
	}
	if got := s.Count("GET /o/{org}/settings/default-approvals"); got != total {
		t.Errorf("%d reads of default approvals logged, want %d", got, total)
	}
}
