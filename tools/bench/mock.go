package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/p0-security/terraform-provider-p0/internal/p0"
	"github.com/p0-security/terraform-provider-p0/internal/p0mock"
)

const mockOrg = "bench-org"

// mock is the fake P0 API, served in this process on loopback so that its
// request log can be read directly after every operation.
type mock struct {
	server *p0mock.Server
	url    string
	token  string
}

func startMock() (*mock, error) {
	secret := make([]byte, 16)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	token := "bench-" + hex.EncodeToString(secret)
	server := p0mock.New(mockOrg, token)
	url, err := server.Start("127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &mock{server: server, url: url, token: token}, nil
}

// env is what the provider needs to reach the mock.
func (m *mock) env() []string {
	return []string{"P0_HOST=" + m.url, "P0_ORG=" + mockOrg, "P0_API_TOKEN=" + m.token}
}

func (m *mock) close() { _ = m.server.Close() }

// setLatency delays every answer by latency.
func (m *mock) setLatency(latency time.Duration) {
	m.server.SetFaults(p0mock.Faults{Latency: latency})
}

// calls is what the API saw during one operation.
type calls struct {
	total      int
	byEndpoint map[string]int
	// failures lists answers other than 2xx, by endpoint and status, e.g.
	// "PUT /o/{org}/integrations/aws/config/{component}/{id} 404".
	failures map[string]int
}

// takeCalls reads and clears the request log.
func (m *mock) takeCalls() calls {
	requests := m.server.Requests()
	m.server.ResetRequests()
	c := calls{total: len(requests), byEndpoint: map[string]int{}, failures: map[string]int{}}
	for _, r := range requests {
		endpoint := r.Endpoint
		if endpoint == "" {
			endpoint = r.Method + " " + r.Path
		}
		c.byEndpoint[endpoint]++
		if r.Status < 200 || r.Status > 299 {
			c.failures[fmt.Sprintf("%s %d", endpoint, r.Status)]++
		}
	}
	return c
}

// describe lists the endpoints called, most called first.
func (c calls) describe() string {
	type count struct {
		endpoint string
		n        int
	}
	counts := make([]count, 0, len(c.byEndpoint))
	for e, n := range c.byEndpoint {
		counts = append(counts, count{e, n})
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].n != counts[j].n {
			return counts[i].n > counts[j].n
		}
		return counts[i].endpoint < counts[j].endpoint
	})
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = fmt.Sprintf("%d× %s", c.n, strings.Replace(c.endpoint, "/o/{org}", "", 1))
	}
	return strings.Join(parts, ", ")
}

// leftovers describes what the mock still holds that the benchmark created,
// so that a destroy that left something behind is caught.
func (m *mock) leftovers() string {
	var left []string
	if rules := m.server.RoutingRules(); len(rules) > 0 {
		left = append(left, fmt.Sprintf("%d routing rules", len(rules)))
	}
	items := 0
	for component, byID := range m.server.AWSIntegration() {
		if component != p0.ComponentBase {
			items += len(byID)
		}
	}
	if items > 0 {
		left = append(left, fmt.Sprintf("%d AWS component items", items))
	}
	for _, option := range m.server.ExpiryOptions() {
		if option.Unit == p0.UnitMinutes && option.Time >= 100 {
			left = append(left, "expiry option "+p0.ExpiryKey(option.Time, option.Unit))
			break
		}
	}
	return strings.Join(left, ", ")
}
